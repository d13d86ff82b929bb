package appliance.runtime.lambda;

/** Where each invocation's log goes: the CLI prints it, a later store keeps it. Called on the invoking thread. */
@FunctionalInterface
public interface LambdaLogSink {
    void write(LambdaInvocationLog log);

    static LambdaLogSink discard() {
        return log -> {
        };
    }
}
