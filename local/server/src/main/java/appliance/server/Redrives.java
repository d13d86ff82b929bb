package appliance.server;

import appliance.engine.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * AWS's rules for RedriveExecution, and where a redrive takes up a failed execution. An execution can
 * be redriven when it is a Standard one that FAILED, TIMED_OUT or was ABORTED, in the last 14 days,
 * fewer than 1000 times, and its machine still exists. It goes on from the failed step: the history up
 * to the failed task's answer is replayed (so the steps that succeeded, Map iterations and Parallel
 * branches included, are not run again) and the task is scheduled again, its new events after
 * ExecutionRedriven; a failure that no task made (a Fail state, a data error) happens again as it did.
 */
final class Redrives {

    static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);
    static final int MAX_REDRIVES = 1000;
    private static final Set<String> REDRIVABLE = Set.of("FAILED", "TIMED_OUT", "ABORTED");
    /** The answers from outside that fail a step: a redrive takes up the step before its answer. */
    private static final Set<String> STEP_FAILURES = Set.of("TaskFailed", "TaskTimedOut", "TaskStartFailed",
            "TaskSubmitFailed", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "LambdaFunctionStartFailed",
            "ActivityScheduleFailed", "ActivityFailed", "ActivityTimedOut");
    private static final Set<String> ENDINGS = Set.of("ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted");

    private Redrives() {
    }

    /** Why the execution cannot be redriven now, in AWS's words; null when it can. */
    static String notRedrivableReason(StoredExecution execution, boolean machineExists, Instant now) {
        String status = execution.status();
        if (execution.executionArn.contains(":express:")) {
            return "Execution is of type EXPRESS and cannot be redriven.";
        }
        if (!machineExists) {
            return "State machine is in DELETING status.";
        }
        if ("RUNNING".equals(status) || "SUCCEEDED".equals(status)) {
            return "Execution is " + status + " and cannot be redriven.";
        }
        if (!REDRIVABLE.contains(status)) {
            return "Execution is " + status + " and cannot be redriven.";
        }
        Instant stop = execution.stopDate();
        if (stop != null && stop.plus(REDRIVABLE_PERIOD).isBefore(now)) {
            return "Execution redrivable period exceeded.";
        }
        if (execution.redriveCount() >= MAX_REDRIVES) {
            return "Execution redrive attempts exceeded.";
        }
        return null;
    }

    /**
     * How many of the history's first events a redrive replays: up to the answer that failed the step
     * the execution failed in (when no state was entered after it: a caught failure is not where it
     * failed), else up to the execution's last event.
     */
    static int cut(List<HistoryEvent> history) {
        int end = history.size();
        if (end > 0 && ENDINGS.contains(history.get(end - 1).type())) {
            end--;
        }
        if (!"ExecutionFailed".equals(history.isEmpty() ? null : history.get(history.size() - 1).type())) {
            return end;
        }
        for (int i = end - 1; i >= 0; i--) {
            String type = history.get(i).type();
            if (type.endsWith("StateEntered")) {
                return end;
            }
            if (STEP_FAILURES.contains(type)) {
                return i;
            }
        }
        return end;
    }

    /**
     * The history as the engine made it: the events of each attempt, a redrive's replayed part kept
     * once, its {@code ExecutionRedriven} event left out, later events numbered as the engine numbered them.
     */
    static List<HistoryEvent> asMade(Iterator<HistoryEvent> stored, List<RedriveSegment> redrives) {
        List<HistoryEvent> made = new ArrayList<>();
        int next = 0;
        RedriveSegment current = null;
        while (stored.hasNext()) {
            HistoryEvent event = stored.next();
            if (next < redrives.size() && event.id() == redrives.get(next).redrivenEventId()) {
                current = redrives.get(next++);
                made.subList((int) current.cut(), made.size()).clear();
                continue;
            }
            made.add(current == null ? event : current.made(event));
        }
        return made;
    }
}
