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

    public RealTimeScheduler(Clock clock, int threads) {
        this.clock = clock;
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
        ScheduledFuture<?> future = pool.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
