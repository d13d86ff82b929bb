package appliance.engine.task.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The Lambda stand-ins of the AWS-recorded conformance corpus, by the names its {@code lambdas} field
 * uses: {@code identity} returns its event, {@code echo} returns {@code {"Return": "HelloWorld"}},
 * {@code raise} fails as a Python handler that raised {@code Exception("Some exception was raised.")}.
 */
public final class StandInFunctions {

    private StandInFunctions() {
    }

    /** The stand-in of that name, or null when there is none. */
    public static LambdaFunction named(String standIn) {
        return switch (standIn) {
            case "identity" -> CompletableFuture::completedFuture;
            case "echo" -> event -> CompletableFuture.completedFuture(
                    JsonNodeFactory.instance.objectNode().put("Return", "HelloWorld"));
            case "raise" -> StandInFunctions::raise;
            default -> null;
        };
    }

    private static CompletableFuture<JsonNode> raise(JsonNode event) {
        String payload = "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\", "
                + "\"requestId\": \"00000000-0000-0000-0000-000000000000\", \"stackTrace\": [\"  File "
                + "\\\"/var/task/handler.py\\\", line 2, in handler\\n    raise Exception(\\\"Some exception was "
                + "raised.\\\")\\n\"]}";
        return CompletableFuture.failedFuture(new LambdaFunctionError("Exception", payload));
    }
}
