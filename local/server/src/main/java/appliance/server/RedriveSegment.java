package appliance.server;

import appliance.engine.history.HistoryEvent;
import java.time.Instant;

/**
 * One redrive of an execution, as its history keeps it. The engine, resuming from the history it had
 * up to {@code cut} (the events that stay: the failed step's answer and the failure after it are
 * dropped from what it replays), numbers its new events from {@code cut + 1}; the store keeps every
 * event ever written, so the new ones are shifted past the old ones and the {@code ExecutionRedriven}
 * event (at {@code redrivenEventId}): stored id = engine id + {@code shift}. A new event the engine links
 * to its last kept event ({@code cut}: the redrive went on from there, a task scheduled again follows it)
 * links to {@code ExecutionRedriven}, as AWS's redriven events follow it. {@code clientToken} is the
 * request's (the SDKs send one each call; the same call again is the same redrive), or null.
 */
record RedriveSegment(long redrivenEventId, long cut, long shift, int count, Instant date, String clientToken) {

    /** An event the engine made, as the store keeps it. */
    HistoryEvent stored(HistoryEvent made) {
        long previous = made.previousEventId() >= cut ? made.previousEventId() + shift : made.previousEventId();
        return new HistoryEvent(made.id() + shift, previous, made.timestamp(), made.type(), made.detailsName(),
                made::details);
    }

    /** A stored event after the redrive, as the engine made it. */
    HistoryEvent made(HistoryEvent stored) {
        long previous = stored.previousEventId() >= redrivenEventId ? stored.previousEventId() - shift
                : stored.previousEventId();
        return new HistoryEvent(stored.id() - shift, previous, stored.timestamp(), stored.type(), stored.detailsName(),
                stored::details);
    }
}
