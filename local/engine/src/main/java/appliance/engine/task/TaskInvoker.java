package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Everything a Task state can call, behind one interface: in-process Lambdas, mocks, local SNS, SDK
 * integrations. The result is asynchronous so a task in flight holds no engine thread. A task fails by
 * completing exceptionally with a {@link appliance.engine.error.StatesFailure} (its error and cause);
 * any other exception is reported as {@code States.TaskFailed} with the exception's message.
 */
@FunctionalInterface
public interface TaskInvoker {

    CompletionStage<JsonNode> invoke(TaskRequest request);
}
