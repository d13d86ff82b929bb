package appliance.runtime.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A function error as Lambda's Java runtime reports it in the Invoke response: {@code errorMessage}, {@code errorType}
 * (the exception's fully qualified class name, or e.g. {@code Sandbox.Timedout}), {@code stackTrace} (frames as
 * strings; absent for errors the runtime itself raises).
 *
 * <p>{@code cause} keeps the exception's cause chain for local display. The java11+ runtimes do not send it (their
 * error document has only the three fields; the {@code cause} in AWS's docs comes from the java8 runtime), so
 * {@link #toPayload()} leaves it out, keeping the payload (and the Step Functions {@code cause} made from it) AWS's.
 */
public record LambdaError(String errorType, String errorMessage, List<String> stackTrace, LambdaError cause) {

    public static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

    public LambdaError {
        stackTrace = stackTrace == null ? null : List.copyOf(stackTrace);
    }

    /** The Invoke response body for this error. */
    public ObjectNode toPayload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("errorMessage", errorMessage);
        if (errorType != null) {
            payload.put("errorType", errorType);
        }
        if (stackTrace != null) {
            ArrayNode frames = payload.putArray("stackTrace");
            stackTrace.forEach(frames::add);
        }
        return payload;
    }

    /** Lambda's timeout error: {@code RequestId: ID Error: Task timed out after 3.00 seconds}. */
    static LambdaError timeout(String requestId, String elapsedSeconds) {
        return new LambdaError(TIMEOUT_ERROR_TYPE,
                "RequestId: " + requestId + " Error: Task timed out after " + elapsedSeconds + " seconds", null, null);
    }
}
