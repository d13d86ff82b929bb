package appliance.engine.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time and of threads. Executions are step machines: each step is a short
 * task given to {@link #execute}; a Wait or a retry interval is a task given to {@link #schedule}, so a
 * parked execution holds no thread. Tests and the CLI use {@link VirtualTimeScheduler}; servers
 * {@link RealTimeScheduler}.
 */
public interface Scheduler {

    /** The current time as this scheduler sees it. */
    Instant now();

    /** Runs the task soon. Tasks given from one thread run in the order given. */
    void execute(Runnable task);

    /** Runs the task once the delay has passed; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
