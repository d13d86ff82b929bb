package appliance.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Synchronous Lambda invocation (InvocationType RequestResponse), as the rest of the runtime calls it: Step
 * Functions' lambda:invoke, SNS subscriptions, the CLI's invoke command.
 *
 * <p>A function error (unhandled exception, timeout, failed init) is a result with {@link LambdaInvocationResult#error()}.
 * A call Lambda refuses (throttled, function not found) throws {@link LambdaServiceException}, whose
 * {@link LambdaServiceException#stepFunctionsError()} is the name Step Functions reports, e.g.
 * {@code Lambda.TooManyRequestsException}.
 */
public interface LambdaInvoker {
    LambdaInvocationResult invoke(String functionNameOrArn, JsonNode payload);
}
