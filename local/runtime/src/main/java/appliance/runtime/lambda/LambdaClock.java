package appliance.runtime.lambda;

import java.time.Instant;

/**
 * The time the runtime measures with: durations (nanoTime) and log timestamps (now). Injected, so tests can give a
 * fake clock and assert exact durations without sleeping.
 */
public interface LambdaClock {
    long nanoTime();

    Instant now();

    static LambdaClock system() {
        return new LambdaClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
