package appliance.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time for servers: a small pool runs the steps of every execution, and timers sit in the pool's
 * delay queue, so thousands of executions parked in Wait states hold no thread. The clock is injected
 * too (the engine reads no wall clock of its own).
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {

    private final Clock clock;
    private final ScheduledExecutorService pool;
    private final double waitTimeScale;

    public RealTimeScheduler(Clock clock, int threads) {
        this(clock, threads, 1.0);
    }

    /**
     * @param waitTimeScale every delay (a Wait, a retry interval) is multiplied by this, as Step Functions
     *     Local's {@code WAIT_TIME_SCALE}: 0 runs them at once, 0.1 ten times faster; not negative
     */
    public RealTimeScheduler(Clock clock, int threads, double waitTimeScale) {
        if (!(waitTimeScale >= 0) || Double.isInfinite(waitTimeScale)) {
            throw new IllegalArgumentException("The wait time scale must be a number of 0 or more, got " + waitTimeScale);
        }
        this.clock = clock;
        this.waitTimeScale = waitTimeScale;
        this.pool = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "asl-engine");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        long scaled = waitTimeScale == 1.0 ? nanos : (long) Math.min(Long.MAX_VALUE, nanos * waitTimeScale);
        ScheduledFuture<?> future = pool.schedule(task, scaled, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
