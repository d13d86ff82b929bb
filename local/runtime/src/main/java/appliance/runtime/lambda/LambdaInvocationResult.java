package appliance.runtime.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The result of one synchronous invocation, as Lambda's Invoke reports it plus what its REPORT line says.
 *
 * @param payload          the response body: the handler's JSON on success, the error document on a function error
 * @param error            the function error, or null on success (Invoke's {@code X-Amz-Function-Error: Unhandled})
 * @param durationMs       the handler's run time (init excluded), as the REPORT line's Duration
 * @param billedDurationMs Duration plus Init Duration, rounded up to the millisecond (Lambda bills the init of
 *                         on-demand functions since August 2025)
 * @param initDurationMs   the init duration on a cold start, null on a warm one
 * @param coldStart        true when this call created its execution environment
 * @param architecture     {@code x86_64} or {@code arm64}: with memory and billed duration, what the call costs
 * @param log              the lines this call wrote, START to REPORT
 */
public record LambdaInvocationResult(
        String requestId,
        String functionName,
        String executedVersion,
        String invokedFunctionArn,
        String payload,
        LambdaError error,
        double durationMs,
        long billedDurationMs,
        Double initDurationMs,
        boolean coldStart,
        int memorySizeMb,
        int maxMemoryUsedMb,
        String architecture,
        LambdaInvocationLog log) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean succeeded() {
        return error == null;
    }

    public boolean timedOut() {
        return error != null && LambdaError.TIMEOUT_ERROR_TYPE.equals(error.errorType());
    }

    /** Invoke's {@code X-Amz-Function-Error} header: {@code Unhandled} for a function error, null on success. */
    public String functionError() {
        return error == null ? null : "Unhandled";
    }

    /** The payload parsed (an empty response reads as JSON null). */
    public JsonNode payloadJson() {
        if (payload == null || payload.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("Lambda function " + functionName + " returned a response that is not JSON: "
                    + (payload.length() > 200 ? payload.substring(0, 200) + "..." : payload));
        }
    }
}
