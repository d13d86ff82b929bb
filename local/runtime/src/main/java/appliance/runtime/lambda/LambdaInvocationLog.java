package appliance.runtime.lambda;

import java.util.List;

/**
 * Everything one invocation wrote to its log stream, in order: output from the init (on a cold start), then
 * {@code START}, the handler's System.out/System.err lines and LambdaLogger messages, {@code END} and {@code REPORT}.
 */
public record LambdaInvocationLog(
        String functionName,
        String logGroupName,
        String logStreamName,
        String requestId,
        List<LambdaLogLine> lines) {

    public LambdaInvocationLog {
        lines = List.copyOf(lines);
    }

    /** The messages alone, for printing. */
    public List<String> messages() {
        return lines.stream().map(LambdaLogLine::message).toList();
    }
}
