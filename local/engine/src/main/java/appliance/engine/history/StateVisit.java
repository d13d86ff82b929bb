package appliance.engine.history;

import java.time.Instant;
import java.util.List;

/**
 * One visit of one state, read from an execution's history by {@link StateVisits}: its entered event,
 * its exit (null while it has none), every event that belongs to it, its last failure and its last
 * task result, and how it ended.
 *
 * @param name          the state's name
 * @param type          the state's type, such as {@code Task} or {@code Map}
 * @param entered       its {@code ...StateEntered} event
 * @param exited        its {@code ...StateExited} event; null when it has not exited
 * @param events        its events in history order, the entered event first
 * @param lastFailure   the last of its events that reports a failure ({@code TaskFailed},
 *                      {@code EvaluationFailed}, {@code MapStateFailed}, {@code ExecutionFailed}, ...); null if none
 * @param failedLast    whether that failure came after its last success: the error is what the state ended on
 * @param succeededLast whether its last success ({@code TaskSucceeded}, {@code MapStateSucceeded}, ...) came
 *                      after its last failure
 * @param attempts      how often its task was scheduled (0 for states without a task)
 * @param taskResult    its last {@code TaskSucceeded} / {@code LambdaFunctionSucceeded} / {@code ActivitySucceeded} event; null if none
 * @param executionEnd  the execution's end event when the execution has ended; null while it runs
 */
public record StateVisit(String name, String type, HistoryEvent entered, HistoryEvent exited, List<HistoryEvent> events,
        HistoryEvent lastFailure, boolean failedLast, boolean succeededLast, int attempts, HistoryEvent taskResult,
        HistoryEvent executionEnd) {

    /** How a visit ended, or that it has not. */
    public enum Status {
        /** It exited normally. */
        SUCCEEDED,
        /** It exited through a Catch. */
        CAUGHT,
        /** Its error ended it (and, uncaught, the execution or its branch). */
        FAILED,
        /** The execution ended while it was still running (a sibling branch failed, the execution was stopped). */
        CANCELLED,
        /** The execution is still running it. */
        RUNNING
    }

    public StateVisit {
        events = List.copyOf(events);
    }

    public Status status() {
        if ("Fail".equals(type)) {
            // A Fail state never exits: entering it is failing (in a Map iteration or Parallel branch, its
            // error is not in the history; the execution's ExecutionFailed carries it at the top level).
            return Status.FAILED;
        }
        if (exited != null) {
            return failedLast ? Status.CAUGHT : Status.SUCCEEDED;
        }
        if (executionEnd == null) {
            return Status.RUNNING;
        }
        return failedLast ? Status.FAILED : Status.CANCELLED;
    }

    /** How often its task was called again after the first call. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }

    /** When it ended: its exit, or the execution's end for a visit that never exited; null while running. */
    public Instant endedAt() {
        if (exited != null) {
            return exited.timestamp();
        }
        return executionEnd == null ? null : executionEnd.timestamp();
    }
}
