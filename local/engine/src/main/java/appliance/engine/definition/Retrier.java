package appliance.engine.definition;

import java.util.List;

/**
 * One {@code Retry} entry. Defaults as AWS: interval 1 s, 3 attempts, backoff 2.0, no delay cap
 * ({@code maxDelaySeconds} null), no jitter.
 */
public record Retrier(
        List<String> errorEquals,
        double intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Integer maxDelaySeconds,
        boolean fullJitter) {

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }
}
