package appliance.runtime.lambda;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires a function's timeout. Injected, so a test can fire it deterministically (a handler blocked on a latch, a
 * fake scheduler firing) instead of sleeping through a real timeout.
 */
public interface TimeoutScheduler {

    /** A scheduled action that has not fired yet can be cancelled. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(long delayNanos, Runnable action);

    /** A real timer on one daemon thread. */
    static TimeoutScheduler system() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lambda-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every timeout is cancelled (the call ends in time): drop them from the queue at once.
        timer.setRemoveOnCancelPolicy(true);
        return (delayNanos, action) -> {
            ScheduledFuture<?> future = timer.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
