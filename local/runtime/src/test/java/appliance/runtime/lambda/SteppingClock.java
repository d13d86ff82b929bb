package appliance.runtime.lambda;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A fake clock: every nanoTime() reading is exactly one step after the previous one. */
final class SteppingClock implements LambdaClock {
    static final Instant EPOCH = Instant.parse("2026-11-28T10:00:00Z");

    private final long stepNanos;
    private final AtomicLong nanos = new AtomicLong();

    SteppingClock(long stepNanos) {
        this.stepNanos = stepNanos;
    }

    @Override
    public long nanoTime() {
        return nanos.addAndGet(stepNanos);
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanos.get());
    }
}
