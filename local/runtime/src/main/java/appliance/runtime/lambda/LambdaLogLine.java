package appliance.runtime.lambda;

import java.time.Instant;

/** One log event of a function, as it would appear in CloudWatch Logs: when, and the message. */
public record LambdaLogLine(Instant timestamp, String message) {
}
