package appliance.engine.replay;

import appliance.engine.history.HistoryEvent;
import java.util.Iterator;

/**
 * The recorded events, read one at a time as the replay needs them (a long history is never held
 * whole).
 */
final class RecordedHistory {

    private final Iterator<HistoryEvent> events;
    private HistoryEvent next;

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
        HistoryEvent taken = next;
        next = events.hasNext() ? events.next() : null;
        return taken;
    }
}
