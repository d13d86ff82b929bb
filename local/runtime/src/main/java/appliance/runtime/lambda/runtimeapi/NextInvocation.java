package appliance.runtime.lambda.runtimeapi;

/**
 * One call as {@code GET /runtime/invocation/next} hands it to a runtime: the event and the headers Lambda sends with
 * it ({@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id}).
 */
public record NextInvocation(String requestId, byte[] payload, long deadlineEpochMs, String invokedFunctionArn,
                             String traceId) {
}
