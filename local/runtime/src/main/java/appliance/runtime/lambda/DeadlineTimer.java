package appliance.runtime.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The real timeout timer, built so that the common case costs no thread wake-up: nearly every timeout is cancelled
 * long before it is due (a call takes microseconds, a timeout is seconds), so scheduling only wakes the timer
 * thread when the new deadline is earlier than the one it already sleeps until. A general-purpose scheduled
 * executor would wake its thread on almost every call, which on a busy two-core machine costs more than the rest of
 * an invocation.
 */
final class DeadlineTimer implements TimeoutScheduler {

    private record Key(long deadline, long sequence) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }

    /** One timer serves every runtime in the JVM: its thread costs nothing while it sleeps. */
    static final DeadlineTimer SHARED = new DeadlineTimer();

    private final ConcurrentSkipListMap<Key, Runnable> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    private volatile long sleepingUntil = Long.MAX_VALUE;

    DeadlineTimer() {
        thread = new Thread(this::run, "lambda-timeouts");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Scheduled schedule(long delayNanos, Runnable action) {
        Key key = new Key(System.nanoTime() + delayNanos, sequence.incrementAndGet());
        pending.put(key, action);
        if (key.deadline() - sleepingUntil < 0) {
            LockSupport.unpark(thread);
        }
        return () -> pending.remove(key);
    }

    int pendingCount() {
        return pending.size();
    }

    private void run() {
        while (true) {
            long now = System.nanoTime();
            Map.Entry<Key, Runnable> first = pending.firstEntry();
            if (first != null && first.getKey().deadline() - now <= 0) {
                if (pending.remove(first.getKey()) != null) {
                    fire(first.getValue());
                }
                continue;
            }
            long until = first == null ? Long.MAX_VALUE : first.getKey().deadline();
            sleepingUntil = until;
            // A deadline scheduled between reading the first entry and publishing sleepingUntil saw the old value
            // and may not have woken this thread: look again before sleeping.
            Map.Entry<Key, Runnable> again = pending.firstEntry();
            if (again != null && again.getKey().deadline() - until < 0) {
                continue;
            }
            if (first == null) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, until - now);
            }
            sleepingUntil = Long.MAX_VALUE;
        }
    }

    private static void fire(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error ignored) {
            // A timeout action only completes an invocation; one failing must not stop the timer for the others.
        }
    }
}
