package appliance.runtime.app;

import appliance.runtime.lambda.LambdaLogSink;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How the local application runs: its clock and randomness (injected so tests are repeatable), extra
 * environment variables for every function (such as {@code AWS_ENDPOINT_URL_SFN}, so a function's AWS
 * SDK reaches the local endpoints), and where Lambda logs go besides each execution's report.
 */
public record LocalOptions(Clock clock, RandomGenerator random, Map<String, String> functionEnvironment,
                           LambdaLogSink logSink) {

    public LocalOptions {
        functionEnvironment = Map.copyOf(functionEnvironment);
    }

    public static LocalOptions defaults() {
        return new LocalOptions(Clock.systemUTC(), new java.security.SecureRandom(), Map.of(), LambdaLogSink.discard());
    }

    public LocalOptions withClock(Clock value) {
        return new LocalOptions(value, random, functionEnvironment, logSink);
    }

    public LocalOptions withRandom(RandomGenerator value) {
        return new LocalOptions(clock, value, functionEnvironment, logSink);
    }

    public LocalOptions withFunctionEnvironment(Map<String, String> value) {
        return new LocalOptions(clock, random, value, logSink);
    }

    public LocalOptions withLogSink(LambdaLogSink value) {
        return new LocalOptions(clock, random, functionEnvironment, value);
    }
}
