package appliance.engine.replay;

import appliance.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.Iterator;

/**
 * The recorded events, read one at a time as the replay needs them (a long history is never held
 * whole), and the time of the replay: the timestamp of the latest event replayed, which is the time
 * the original run saw when it made its next move.
 */
final class RecordedHistory {

    private final Iterator<HistoryEvent> events;
    private HistoryEvent next;
    private HistoryEvent latest;

    RecordedHistory(Iterator<HistoryEvent> events) {
        this.events = events;
        this.next = events.hasNext() ? events.next() : null;
    }

    boolean hasNext() {
        return next != null;
    }

    HistoryEvent peek() {
        return next;
    }

    /** Takes the next recorded event: the replay has just made it again. */
    HistoryEvent take() {
        latest = next;
        next = events.hasNext() ? events.next() : null;
        return latest;
    }

    /** The time of the latest event replayed (before the first: the first one's). */
    Instant time() {
        return latest != null ? latest.timestamp() : next != null ? next.timestamp() : null;
    }
}
