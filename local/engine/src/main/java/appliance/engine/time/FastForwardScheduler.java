package appliance.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A scheduler for running a workflow on one machine as a person watches it: time passes as on the
 * given clock while tasks run (so a Lambda's real duration shows in the history), but whenever nothing
 * is ready and a timer is pending (a Wait, a retry interval) the time jumps straight to it. Tasks run on
 * the caller's thread during {@link #runUntilIdle}; they may be handed in from other threads.
 */
public final class FastForwardScheduler implements Scheduler {

    private record Entry(Instant at, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Clock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Duration skipped = Duration.ZERO;
    private long sequence;

    public FastForwardScheduler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Instant now() {
        return clock.instant().plus(skipped);
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(now().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Runs every task, skipping the time to each pending timer, until none is left. */
    public void runUntilIdle() {
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    return;
                }
                Instant now = now();
                if (next.at().isAfter(now)) {
                    skipped = skipped.plus(Duration.between(now, next.at()));
                }
            }
            next.task().run();
        }
    }

    /** How long the waits skipped so far would have taken. */
    public synchronized Duration skipped() {
        return skipped;
    }
}
