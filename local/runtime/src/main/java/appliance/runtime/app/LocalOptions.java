package appliance.runtime.app;

import appliance.runtime.hybrid.HybridEndpoints;
import appliance.runtime.hybrid.ServiceEndpoints;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.lambda.LambdaLogSink;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How the local application runs: its clock and randomness (injected so tests are repeatable), extra
 * environment variables for every function (such as {@code AWS_ENDPOINT_URL_SFN}, so a function's AWS
 * SDK reaches the local endpoints), where Lambda logs go besides each execution's report, in hybrid
 * mode the real endpoints that take the state machines' Lambda and SNS calls, the endpoints of the
 * other service integrations (SQS, DynamoDB, EventBridge, Step Functions, aws-sdk:*), and where functions
 * run (Java in-process by default, or every function in a process of its own).
 */
public record LocalOptions(Clock clock, RandomGenerator random, Map<String, String> functionEnvironment,
                           LambdaLogSink logSink, HybridEndpoints endpoints, ServiceEndpoints services,
                           LambdaIsolation isolation) {

    public LocalOptions {
        functionEnvironment = Map.copyOf(functionEnvironment);
    }

    public static LocalOptions defaults() {
        return new LocalOptions(Clock.systemUTC(), new java.security.SecureRandom(), Map.of(), LambdaLogSink.discard(),
                HybridEndpoints.none(), ServiceEndpoints.none(), LambdaIsolation.IN_PROCESS);
    }

    public LocalOptions withClock(Clock value) {
        return new LocalOptions(value, random, functionEnvironment, logSink, endpoints, services, isolation);
    }

    public LocalOptions withRandom(RandomGenerator value) {
        return new LocalOptions(clock, value, functionEnvironment, logSink, endpoints, services, isolation);
    }

    public LocalOptions withFunctionEnvironment(Map<String, String> value) {
        return new LocalOptions(clock, random, value, logSink, endpoints, services, isolation);
    }

    public LocalOptions withLogSink(LambdaLogSink value) {
        return new LocalOptions(clock, random, functionEnvironment, value, endpoints, services, isolation);
    }

    /** Lambda and SNS calls of the state machines go to these real endpoints instead (hybrid mode). */
    public LocalOptions withEndpoints(HybridEndpoints value) {
        return new LocalOptions(clock, random, functionEnvironment, logSink, value, services, isolation);
    }

    /** The other service integrations of the state machines go to these endpoints (Step Functions Local's *_ENDPOINT). */
    public LocalOptions withServices(ServiceEndpoints value) {
        return new LocalOptions(clock, random, functionEnvironment, logSink, endpoints, value, isolation);
    }

    /** Where the template's functions run. */
    public LocalOptions withIsolation(LambdaIsolation value) {
        return new LocalOptions(clock, random, functionEnvironment, logSink, endpoints, services, value);
    }
}
