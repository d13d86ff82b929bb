package appliance.runtime.lambda;

import java.util.ArrayList;
import java.util.List;

/** A fake timer: nothing fires until the test says so. */
final class ManualTimeouts implements TimeoutScheduler {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public synchronized Scheduled schedule(long delayNanos, Runnable action) {
        pending.add(action);
        return () -> {
            synchronized (ManualTimeouts.this) {
                pending.remove(action);
            }
        };
    }

    /** Fires every pending timeout, as if the function's Timeout had passed. */
    void fireAll() {
        List<Runnable> due;
        synchronized (this) {
            due = new ArrayList<>(pending);
            pending.clear();
        }
        due.forEach(Runnable::run);
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
