package appliance.engine.task.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * A Lambda function the engine can call: takes the event, answers with the payload it returns, or
 * completes exceptionally with a {@link LambdaFunctionError} when the handler raised.
 */
@FunctionalInterface
public interface LambdaFunction {

    CompletionStage<JsonNode> invoke(JsonNode event);
}
