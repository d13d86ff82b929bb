package appliance.engine.time;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Runs one execution's steps one at a time, in order, on whatever thread the scheduler offers. Every
 * piece of an execution (branches, iterations, task callbacks, timers) goes through here, so its
 * state needs no locks, and a long chain of steps runs as a loop rather than a deep call stack.
 */
public final class SerialExecutor {

    private final Scheduler scheduler;
    private final java.util.function.Consumer<RuntimeException> onUnexpected;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    /**
     * @param onUnexpected hears an exception a step did not handle (a bug, not a States error), so the
     *     owner can end its execution rather than hang
     */
    public SerialExecutor(Scheduler scheduler, java.util.function.Consumer<RuntimeException> onUnexpected) {
        this.scheduler = scheduler;
        this.onUnexpected = onUnexpected;
    }

    public void execute(Runnable step) {
        boolean start;
        synchronized (this) {
            queue.add(step);
            start = !draining;
            draining = true;
        }
        if (start) {
            scheduler.execute(this::drain);
        }
    }

    /** Runs the step after the delay, through this executor. */
    public Scheduler.Cancellable schedule(java.time.Duration delay, Runnable step) {
        return scheduler.schedule(delay, () -> execute(step));
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                onUnexpected.accept(e);
            }
        }
    }
}
