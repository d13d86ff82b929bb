package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.State;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.HistoryEvent;
import appliance.engine.history.StateVisit;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's history (GetExecutionHistory's events) read as visits of states, for the web debugger:
 * each visit's events, status (SUCCEEDED, CAUGHT, FAILED, RUNNING, CANCELLED), input, output, error,
 * and each step of its input and output processing ({@link ProcessingSteps}, from the definition, the
 * recorded input, the recorded task result, and the variables assigned on the way).
 *
 * <p>Which events make a visit is the engine's one reader of state visits
 * ({@link appliance.engine.history.StateVisits}), which follows AWS's {@code previousEventId} chains;
 * this adds what only the debugger shows.
 */
final class StateVisits {

    private StateVisits() {
    }

    /**
     * @param events the whole history, oldest first
     * @param definition the machine's compiled definition
     * @param execution DescribeExecution's answer (status, ARN, name, input, start date)
     * @param machineArn the state machine's ARN, for the context object
     * @param machineName the state machine's name, for the context object
     */
    static ArrayNode of(List<ObjectNode> events, StateMachineDefinition definition, ObjectNode execution,
            String machineArn, String machineName) {
        Map<Long, ObjectNode> eventsById = new HashMap<>();
        List<HistoryEvent> history = new ArrayList<>(events.size());
        for (ObjectNode event : events) {
            eventsById.put(event.path("id").asLong(), event);
            history.add(historyEvent(event));
        }
        List<StateVisit> visits = appliance.engine.history.StateVisits.of(history);
        Map<Long, Map<String, JsonNode>> variables = variablesAfterEachEvent(events);
        List<CompoundResults.ExitedVisit> exited = visits.stream().filter(visit -> visit.exited() != null)
                .map(visit -> new CompoundResults.ExitedVisit(visit.name(), visit.entered().previousEventId(),
                        visit.exited().id(), visit.exited().details().path("output").asText()))
                .toList();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (StateVisit visit : visits) {
            State state = find(definition, visit.name());
            JsonNode result = visit.taskResult() == null ? null : parsed(visit.taskResult().details().path("output"));
            if (visit.succeededLast()) {
                if (state instanceof MapState) {
                    result = CompoundResults.ofMap(eventsOf(visit, eventsById), eventsById);
                } else if (state instanceof ParallelState parallel) {
                    result = visit.events().stream()
                            .filter(event -> event.type().equals("ParallelStateStarted"))
                            .findFirst()
                            .map(started -> CompoundResults.ofParallel(parallel, started.id(), exited))
                            .orElse(null);
                }
            }
            out.add(json(visit, result, state, execution, machineArn, machineName,
                    variables.getOrDefault(visit.entered().previousEventId(), Map.of())::get));
        }
        return out;
    }

    /** A GetExecutionHistory event as the engine's reader takes it. */
    private static HistoryEvent historyEvent(ObjectNode event) {
        String detailsName = null;
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (field.getKey().endsWith("EventDetails") && field.getValue().isObject()) {
                detailsName = field.getKey();
            }
        }
        ObjectNode eventDetails = detailsName == null ? null : (ObjectNode) event.get(detailsName);
        return new HistoryEvent(event.path("id").asLong(), event.path("previousEventId").asLong(),
                instant(event.path("timestamp")), event.path("type").asText(), detailsName,
                () -> eventDetails);
    }

    private static List<ObjectNode> eventsOf(StateVisit visit, Map<Long, ObjectNode> eventsById) {
        return visit.events().stream().map(event -> eventsById.get(event.id())).toList();
    }

    /**
     * The variables in scope after each event: those after its {@code previousEventId}, with what it
     * assigned on top. A branch's chain starts inside the state that started it, so it sees what was
     * assigned before it began and in it, and nothing of its siblings. Maps are shared until an event
     * assigns, so this stays linear in the history's length.
     */
    private static Map<Long, Map<String, JsonNode>> variablesAfterEachEvent(List<ObjectNode> events) {
        Map<Long, Map<String, JsonNode>> after = new HashMap<>();
        for (ObjectNode event : events) {
            Map<String, JsonNode> scope = after.getOrDefault(event.path("previousEventId").asLong(), Map.of());
            JsonNode assigned = details(event).path("assignedVariables");
            if (assigned.isObject() && !assigned.isEmpty()) {
                scope = new HashMap<>(scope);
                for (Map.Entry<String, JsonNode> variable : assigned.properties()) {
                    scope.put(variable.getKey(), parsed(variable.getValue()));
                }
            }
            after.put(event.path("id").asLong(), scope);
        }
        return after;
    }

    private static ObjectNode json(StateVisit visit, JsonNode taskResult, State state, ObjectNode execution,
            String machineArn, String machineName, VariableLookup variables) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", visit.name());
        json.put("type", visit.type());
        json.put("status", visit.status().name());
        json.put("enteredEventId", visit.entered().id());
        if (visit.exited() != null) {
            json.put("exitedEventId", visit.exited().id());
        }
        ArrayNode ids = json.putArray("eventIds");
        visit.events().forEach(event -> ids.add(event.id()));
        json.put("retries", visit.retries());
        String inputText = visit.entered().details().path("input").asText("null");
        json.put("input", inputText);
        if (visit.exited() != null) {
            json.put("output", visit.exited().details().path("output").asText());
            JsonNode assigned = visit.exited().details().path("assignedVariables");
            if (assigned.isObject() && !assigned.isEmpty()) {
                json.set("assignedVariables", assigned.deepCopy());
            }
        }
        if (visit.lastFailure() != null && visit.lastFailure().details() != null) {
            JsonNode failure = visit.lastFailure().details();
            if (failure.hasNonNull("error")) {
                json.put("error", failure.get("error").asText());
            }
            if (failure.hasNonNull("cause")) {
                json.put("cause", failure.get("cause").asText());
            }
        }
        if (state != null) {
            JsonNode input = parsed(visit.entered().details().path("input"));
            ObjectNode context = context(visit, execution, machineArn, machineName);
            json.set("steps", ProcessingSteps.of(state, input, context, variables, visit.failedLast() ? null : taskResult));
        }
        return json;
    }

    /** The context object as the state saw it in its last attempt. */
    private static ObjectNode context(StateVisit visit, ObjectNode execution, String machineArn, String machineName) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode executionContext = context.putObject("Execution");
        executionContext.put("Id", execution.path("executionArn").asText());
        executionContext.set("Input", parsed(execution.path("input")));
        executionContext.put("Name", execution.path("name").asText());
        executionContext.put("StartTime", isoTime(execution.path("startDate")));
        ObjectNode stateContext = context.putObject("State");
        stateContext.put("EnteredTime", visit.entered().timestamp().toString());
        stateContext.put("Name", visit.name());
        stateContext.put("RetryCount", visit.retries());
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", machineArn);
        machine.put("Name", machineName);
        return context;
    }

    private static String isoTime(JsonNode epochSeconds) {
        return instant(epochSeconds).toString();
    }

    private static java.time.Instant instant(JsonNode epochSeconds) {
        return java.time.Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000));
    }

    /** A state by name anywhere in the definition: ASL names are unique across the whole machine. */
    static State find(StateMachineDefinition definition, String name) {
        State state = definition.state(name);
        if (state != null) {
            return state;
        }
        for (State candidate : definition.states().values()) {
            List<StateMachineDefinition> inner = candidate instanceof ParallelState parallel ? parallel.branches()
                    : candidate instanceof MapState map ? List.of(map.processor())
                    : List.of();
            for (StateMachineDefinition branch : inner) {
                State found = find(branch, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** An event's {@code ...EventDetails} object (empty when it has none). */
    static JsonNode details(ObjectNode event) {
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (field.getKey().endsWith("EventDetails") && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode parsed(JsonNode text) {
        if (text == null || !text.isTextual()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return Json.MAPPER.readTree(text.asText());
        } catch (java.io.IOException e) {
            return text;
        }
    }
}
