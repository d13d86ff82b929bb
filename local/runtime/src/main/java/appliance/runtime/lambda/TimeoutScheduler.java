package appliance.runtime.lambda;

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

    /** A real timer on one daemon thread (System.nanoTime), woken only when an earlier deadline arrives. */
    static TimeoutScheduler system() {
        return DeadlineTimer.SHARED;
    }
}
