package appliance.engine.replay;

import java.time.Instant;

/**
 * A redrive in the history being replayed: the run went on from event {@code afterEventId} (the last one
 * the redrive kept) at {@code at}. The timers still pending there (the execution's TimeoutSeconds, a
 * Wait) start again at {@code at}, each for its whole duration, so a redriven run does not time out at
 * once on its first run's clock; the task scheduled again there sets its own timers anew.
 */
public record TimerRestart(long afterEventId, Instant at) {
}
