package appliance.engine.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A deterministic scheduler on a virtual clock: nothing runs until {@link #runUntilIdle} (or
 * {@link #advanceBy}) is called, then tasks run one at a time on the caller's thread, in time order
 * (then in the order given), and the clock jumps to each task's time. A one-hour Wait costs nothing.
 * Tasks may be handed in from other threads; they run on the next drain.
 */
public final class VirtualTimeScheduler implements Scheduler {

    private record Entry(Instant at, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public VirtualTimeScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Runs every task, advancing the clock as far as needed, until none is left. */
    public void runUntilIdle() {
        runUntil(Instant.MAX);
    }

    /** Runs the tasks due within the given time from now, and leaves the clock there. */
    public void advanceBy(Duration duration) {
        Instant until;
        synchronized (this) {
            until = now.plus(duration);
        }
        runUntil(until);
        synchronized (this) {
            if (now.isBefore(until)) {
                now = until;
            }
        }
    }

    private void runUntil(Instant until) {
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at().isAfter(until)) {
                    return;
                }
                queue.poll();
                if (next.at().isAfter(now)) {
                    now = next.at();
                }
            }
            next.task().run();
        }
    }

    /** How many tasks wait to run (including timers not yet due). */
    public synchronized int pending() {
        return queue.size();
    }
}
