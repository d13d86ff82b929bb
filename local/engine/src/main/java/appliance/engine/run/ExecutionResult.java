package appliance.engine.run;

import com.fasterxml.jackson.databind.JsonNode;

/** How an execution ended: its output when it succeeded, else its error and cause (each may be null, as at AWS). */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause) {

    public static ExecutionResult succeeded(JsonNode output) {
        return new ExecutionResult(ExecutionStatus.SUCCEEDED, output, null, null);
    }

    /** What an execution that has not ended yet reports: RUNNING, with nothing else known. */
    public static ExecutionResult running() {
        return new ExecutionResult(ExecutionStatus.RUNNING, null, null, null);
    }

    public static ExecutionResult failed(String error, String cause) {
        return new ExecutionResult(ExecutionStatus.FAILED, null, error, cause);
    }
}
