package appliance.engine.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one reader of an execution's history as visits of states, for everything that shows or counts
 * them: the run report, the cost meter, the mock test runner and the web debugger.
 *
 * <p>It reads the history as AWS chains it. A visit starts at its {@code ...StateEntered} event. An event
 * that names its state ({@code ...StateExited}, {@code MapIteration*}, {@code EvaluationFailed}) belongs
 * to the open visit of that name. Any other event belongs to the open visit its {@code previousEventId}
 * chain leads back to, so the events of concurrent branches do not mix; a Map's or Parallel's own events
 * ({@code MapStateFailed}, {@code MapRunStarted}, {@code ParallelStateSucceeded}, ...) to the nearest such
 * visit on that chain, past the states of the iteration or branch they end. The execution's end event
 * belongs to the visit it follows (a Fail state, a state whose error was not caught).
 */
public final class StateVisits {

    private static final Set<String> SUCCESS_TYPES =
            Set.of("TaskSucceeded", "LambdaFunctionSucceeded", "ActivitySucceeded", "ParallelStateSucceeded",
                    "MapStateSucceeded");
    private static final Set<String> RESULT_TYPES = Set.of("TaskSucceeded", "LambdaFunctionSucceeded", "ActivitySucceeded");
    private static final Set<String> ATTEMPT_TYPES = Set.of("TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled");
    private static final Set<String> EXECUTION_ENDS =
            Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted");

    private StateVisits() {
    }

    /** The visits of a history (oldest event first), in the order the states were entered. */
    public static List<StateVisit> of(List<HistoryEvent> history) {
        List<Visit> visits = new ArrayList<>();
        Map<Long, Visit> visitByEventId = new HashMap<>();
        Map<Long, Long> previousById = new HashMap<>();
        HistoryEvent executionEnd = null;
        for (HistoryEvent event : history) {
            previousById.put(event.id(), event.previousEventId());
            String type = event.type();
            Visit visit;
            if (type.endsWith("StateEntered")) {
                visit = new Visit(event, type.substring(0, type.length() - "StateEntered".length()));
                visits.add(visit);
            } else {
                visit = owner(event, visits, visitByEventId, previousById);
            }
            if (EXECUTION_ENDS.contains(type)) {
                executionEnd = event;
            }
            if (visit != null) {
                visitByEventId.put(event.id(), visit);
                visit.add(event);
            }
        }
        List<StateVisit> read = new ArrayList<>(visits.size());
        for (Visit visit : visits) {
            read.add(visit.read(executionEnd));
        }
        return read;
    }

    private static Visit owner(HistoryEvent event, List<Visit> visits, Map<Long, Visit> visitByEventId,
            Map<Long, Long> previousById) {
        String type = event.type();
        String named = type.endsWith("StateExited") || type.startsWith("MapIteration") ? text(event, "name")
                : type.equals("EvaluationFailed") ? text(event, "state") : null;
        if (named != null) {
            // On its chain first (two iterations may each run a state of that name), else the latest open one:
            // an EvaluationFailed links to the event before its state was entered.
            Visit onChain = onChain(event.previousEventId(), visit -> visit.name.equals(named), visitByEventId,
                    previousById);
            if (onChain != null) {
                return onChain;
            }
            for (int i = visits.size() - 1; i >= 0; i--) {
                Visit visit = visits.get(i);
                if (visit.exited == null && visit.name.equals(named)) {
                    return visit;
                }
            }
            return null;
        }
        String ownerType = type.startsWith("MapState") || type.startsWith("MapRun") ? "Map"
                : type.startsWith("ParallelState") ? "Parallel" : null;
        return onChain(event.previousEventId(), visit -> ownerType == null || ownerType.equals(visit.type),
                visitByEventId, previousById);
    }

    /** The nearest open visit that {@code fits} on the chain back from {@code eventId}. */
    private static Visit onChain(long eventId, Predicate<Visit> fits, Map<Long, Visit> visitByEventId,
            Map<Long, Long> previousById) {
        long current = eventId;
        while (current > 0) {
            Visit visit = visitByEventId.get(current);
            if (visit != null && visit.exited == null && fits.test(visit)) {
                return visit;
            }
            Long before = previousById.get(current);
            if (before == null || before >= current) {
                return null;
            }
            current = before;
        }
        return null;
    }

    private static String text(HistoryEvent event, String field) {
        var details = event.details();
        return details == null || !details.hasNonNull(field) ? null : details.get(field).asText();
    }

    /** A visit while the history is read. */
    private static final class Visit {
        final String name;
        final String type;
        final HistoryEvent entered;
        final List<HistoryEvent> events = new ArrayList<>();
        HistoryEvent exited;
        HistoryEvent lastFailure;
        int lastFailureAt = -1;
        int lastSuccessAt = -1;
        HistoryEvent taskResult;
        int attempts;

        Visit(HistoryEvent entered, String type) {
            this.entered = entered;
            this.type = type;
            this.name = text(entered, "name");
        }

        void add(HistoryEvent event) {
            events.add(event);
            int at = events.size() - 1;
            String type = event.type();
            if (type.endsWith("StateExited")) {
                exited = event;
            } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                lastFailure = event;
                lastFailureAt = at;
            } else if (SUCCESS_TYPES.contains(type)) {
                lastSuccessAt = at;
            }
            if (RESULT_TYPES.contains(type)) {
                taskResult = event;
            }
            if (ATTEMPT_TYPES.contains(type)) {
                attempts++;
            }
        }

        StateVisit read(HistoryEvent executionEnd) {
            return new StateVisit(name, type, entered, exited, events, lastFailure, lastFailureAt > lastSuccessAt,
                    lastSuccessAt >= 0 && lastSuccessAt > lastFailureAt, attempts, taskResult, executionEnd);
        }
    }
}
