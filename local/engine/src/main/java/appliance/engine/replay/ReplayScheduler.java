package appliance.engine.replay;

import appliance.engine.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler a resumed execution runs on. While it replays, steps queue here and run on the
 * replaying thread, the clock reads the time each input was let in (as {@link InputGate} froze it), and each timer is held with the id of the event
 * recorded just before it was set (the event the original run's timer followed), so the replay can
 * fire the one the history says fired. Once live, everything goes to the real scheduler, and the
 * timers still pending are set there for their original due times.
 */
final class ReplayScheduler implements Scheduler {

    private final Scheduler live;
    private final RecordedHistory history;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    /** Set once the replay made an event the history does not have: time is real from then on. */
    private volatile boolean pastHistory;
    private volatile boolean isLive;
    private long latestEventId;
    /** The time of the input being replayed: the timestamp of the first event it made. */
    private volatile Instant inputTime;

    ReplayScheduler(Scheduler live, RecordedHistory history) {
        this.live = live;
        this.history = history;
        this.inputTime = history.hasNext() ? history.peek().timestamp() : null;
    }

    /** The replay lets in the input that made {@code firstEvent}: the clock reads that event's time. */
    void replaying(Instant firstEvent) {
        inputTime = firstEvent;
    }

    @Override
    public Instant now() {
        if (isLive || pastHistory) {
            return live.now();
        }
        return inputTime == null ? live.now() : inputTime;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (!isLive) {
                ready.add(task);
                return;
            }
        }
        live.execute(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        synchronized (this) {
            if (!isLive) {
                Duration wait = delay.isNegative() ? Duration.ZERO : delay;
                Timer timer = new Timer(latestEventId, now().plus(wait), wait, task);
                timers.add(timer);
                return timer::cancel;
            }
        }
        return live.schedule(delay, task);
    }

    /** The execution recorded (or replayed) an event: timers set from now on follow it. */
    void recorded(long eventId, boolean beyondHistory) {
        latestEventId = eventId;
        if (beyondHistory) {
            pastHistory = true;
        }
    }

    /** The id of the latest event recorded or replayed. */
    synchronized long latestEventId() {
        return latestEventId;
    }

    /** A redrive went on at {@code at}: each timer still pending runs again for its whole delay from then. */
    synchronized void restartTimers(Instant at) {
        for (Timer timer : timers) {
            timer.due = at.plus(timer.delay);
        }
    }

    /** Runs the queued steps (and the steps they queue) until none is left. */
    void runReady() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = ready.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /**
     * Fires the timer set after event {@code afterEventId} (the earliest due, when there are several);
     * when none was, the earliest of all, as a real clock would.
     *
     * @return false when no timer is pending at all
     */
    boolean fire(long afterEventId) {
        Timer chosen = null;
        synchronized (this) {
            for (Timer timer : timers) {
                if (timer.afterEventId == afterEventId && (chosen == null || timer.due.isBefore(chosen.due))) {
                    chosen = timer;
                }
            }
            if (chosen == null) {
                for (Timer timer : timers) {
                    if (chosen == null || timer.due.isBefore(chosen.due)) {
                        chosen = timer;
                    }
                }
            }
            if (chosen == null) {
                return false;
            }
            timers.remove(chosen);
        }
        chosen.task.run();
        return true;
    }

    /** From now on steps run on the real scheduler; pending timers fire there at their due times. */
    void goLive() {
        List<Timer> pending;
        synchronized (this) {
            isLive = true;
            pending = new ArrayList<>(timers);
            timers.clear();
        }
        for (Timer timer : pending) {
            timer.setLive(live.schedule(Duration.between(live.now(), timer.due), timer.task));
        }
    }

    /** A timer set during the replay; cancelling it after the replay cancels its real counterpart. */
    private final class Timer {
        final long afterEventId;
        /** When it fires; a redrive moves it (guarded by the scheduler's lock). */
        Instant due;
        final Duration delay;
        final Runnable task;
        private Cancellable liveHandle;
        private boolean cancelled;

        Timer(long afterEventId, Instant due, Duration delay, Runnable task) {
            this.afterEventId = afterEventId;
            this.due = due;
            this.delay = delay;
            this.task = task;
        }

        void cancel() {
            Cancellable handle;
            synchronized (ReplayScheduler.this) {
                cancelled = true;
                timers.remove(this);
                handle = liveHandle;
            }
            if (handle != null) {
                handle.cancel();
            }
        }

        void setLive(Cancellable handle) {
            boolean cancelNow;
            synchronized (ReplayScheduler.this) {
                liveHandle = handle;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                handle.cancel();
            }
        }
    }
}
