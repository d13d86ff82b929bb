package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a Parallel or Map visit (the array of its branches' or iterations' outputs), rebuilt
 * from the history, which records no such array: a Map iteration's output is the state exit its
 * {@code MapIterationSucceeded} follows; a Parallel branch's output is the last exit of a state of that
 * branch whose chain of visits leads back to the Parallel's {@code ParallelStateStarted}. Null when a
 * branch or iteration did not succeed (there is then no result to process).
 */
final class CompoundResults {

    /** One exited state visit: its name, the event its entry follows, its exit event and output. */
    record ExitedVisit(String name, long enteredAfter, long exitedId, String output) {
    }

    private CompoundResults() {
    }

    /**
     * @param mapEvents the Map visit's own events (MapStateStarted, MapIteration*, ...)
     * @param eventsById every event of the history
     */
    static JsonNode ofMap(List<ObjectNode> mapEvents, Map<Long, ObjectNode> eventsById) {
        int length = -1;
        Map<Integer, JsonNode> outputs = new HashMap<>();
        for (ObjectNode event : mapEvents) {
            String type = event.path("type").asText();
            JsonNode details = StateVisits.details(event);
            if (type.equals("MapStateStarted")) {
                length = details.path("length").asInt(-1);
            } else if (type.equals("MapIterationFailed") || type.equals("MapIterationAborted")) {
                return null;
            } else if (type.equals("MapIterationSucceeded")) {
                ObjectNode last = eventsById.get(event.path("previousEventId").asLong());
                if (last == null || !last.path("type").asText().endsWith("StateExited")) {
                    return null;
                }
                outputs.put(details.path("index").asInt(), parse(StateVisits.details(last).path("output").asText()));
            }
        }
        if (length < 0 || outputs.size() != length) {
            return null;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < length; i++) {
            if (!outputs.containsKey(i)) {
                return null;
            }
            result.add(outputs.get(i));
        }
        return result;
    }

    /**
     * @param startedEventId the Parallel visit's ParallelStateStarted event
     * @param exited every exited state visit of the execution
     */
    static JsonNode ofParallel(ParallelState state, long startedEventId, List<ExitedVisit> exited) {
        Map<Long, ExitedVisit> byExit = new HashMap<>();
        exited.forEach(visit -> byExit.put(visit.exitedId(), visit));
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (StateMachineDefinition branch : state.branches()) {
            ExitedVisit last = null;
            for (ExitedVisit visit : exited) {
                if (branch.state(visit.name()) != null && inRun(visit, branch, startedEventId, byExit)
                        && (last == null || visit.exitedId() > last.exitedId())) {
                    last = visit;
                }
            }
            if (last == null) {
                return null;
            }
            result.add(parse(last.output()));
        }
        return result;
    }

    /** Whether the visit's chain of the branch's own states leads back to this Parallel's start. */
    private static boolean inRun(ExitedVisit visit, StateMachineDefinition branch, long startedEventId,
            Map<Long, ExitedVisit> byExit) {
        ExitedVisit current = visit;
        for (int hops = 0; hops <= byExit.size(); hops++) {
            if (current.enteredAfter() == startedEventId) {
                return true;
            }
            ExitedVisit before = byExit.get(current.enteredAfter());
            if (before == null || branch.state(before.name()) == null) {
                return false;
            }
            current = before;
        }
        return false;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
