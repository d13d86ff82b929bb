package appliance.runtime.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The Context a handler receives: request id, function name and executed version, the ARN it was invoked with,
 * memory, the time left before the timeout (from the injected clock), log group and stream, and a logger whose
 * messages go into the invocation's log. No Cognito identity or client context: nothing invokes from a mobile SDK.
 */
final class InvocationContext implements Context {
    private final String requestId;
    private final String functionName;
    private final String functionVersion;
    private final String invokedFunctionArn;
    private final int memoryLimitMb;
    private final String logGroupName;
    private final String logStreamName;
    private final long deadlineNanos;
    private final LambdaClock clock;
    private final LambdaLogger logger;

    InvocationContext(String requestId, String functionName, String functionVersion, String invokedFunctionArn,
                      int memoryLimitMb, String logGroupName, String logStreamName, long deadlineNanos,
                      LambdaClock clock, InvocationLogCapture capture) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.invokedFunctionArn = invokedFunctionArn;
        this.memoryLimitMb = memoryLimitMb;
        this.logGroupName = logGroupName;
        this.logStreamName = logStreamName;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                capture.log(String.valueOf(message));
            }

            @Override
            public void log(byte[] message) {
                capture.log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remainingNanos = deadlineNanos - clock.nanoTime();
        return remainingNanos <= 0 ? 0 : (int) (remainingNanos / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
