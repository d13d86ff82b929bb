package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.State;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An execution's history (GetExecutionHistory's events) read as visits of states, for the web debugger:
 * each visit's events, status (SUCCEEDED, CAUGHT, FAILED, RUNNING, CANCELLED), input, output, error,
 * and each step of its input and output processing ({@link ProcessingSteps}, from the definition, the
 * recorded input, the recorded task result, and the variables assigned on the way).
 *
 * <p>An event belongs to the visit its {@code previousEventId} chain leads back to while that visit is
 * still open: the engine chains each branch's events (the machine's, a Parallel branch's, a Map
 * iteration's), so concurrent branches do not mix.
 */
final class StateVisits {

    private static final Set<String> SUCCESS_TYPES =
            Set.of("TaskSucceeded", "LambdaFunctionSucceeded", "ParallelStateSucceeded", "MapStateSucceeded");
    private static final Set<String> RESULT_TYPES = Set.of("TaskSucceeded", "LambdaFunctionSucceeded");
    private static final Set<String> ATTEMPT_TYPES = Set.of("TaskScheduled", "LambdaFunctionScheduled");

    /** One visit while the history is read. */
    private static final class Visit {
        final String name;
        final String type;
        final ObjectNode entered;
        final List<ObjectNode> events = new ArrayList<>();
        ObjectNode exited;
        ObjectNode lastFailure;
        int lastFailureAt = -1;
        int lastSuccessAt = -1;
        /** The state's own result: its task's answer, or a Parallel's or Map's array. */
        JsonNode taskResult;
        int attempts;

        Visit(ObjectNode entered) {
            this.entered = entered;
            this.name = details(entered).path("name").asText();
            String eventType = entered.path("type").asText();
            this.type = eventType.substring(0, eventType.length() - "StateEntered".length());
        }
    }

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
        Map<Long, Visit> byEventId = new HashMap<>();
        Map<Long, Long> previous = new HashMap<>();
        List<Visit> visits = new ArrayList<>();
        for (ObjectNode event : events) {
            long id = event.path("id").asLong();
            previous.put(id, event.path("previousEventId").asLong());
            String type = event.path("type").asText();
            Visit visit;
            if (type.endsWith("StateEntered")) {
                visit = new Visit(event);
                visits.add(visit);
            } else {
                visit = openVisit(event.path("previousEventId").asLong(), byEventId, previous);
            }
            if (visit == null) {
                continue;
            }
            byEventId.put(id, visit);
            visit.events.add(event);
            int at = visit.events.size() - 1;
            if (type.endsWith("StateExited")) {
                visit.exited = event;
            } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                visit.lastFailure = event;
                visit.lastFailureAt = at;
            } else if (SUCCESS_TYPES.contains(type)) {
                visit.lastSuccessAt = at;
            }
            if (RESULT_TYPES.contains(type)) {
                visit.taskResult = parsed(details(event).path("output"));
            }
            if (ATTEMPT_TYPES.contains(type)) {
                visit.attempts++;
            }
        }
        Map<Long, Map<String, JsonNode>> variables = variablesAfterEachEvent(events);
        Map<Long, ObjectNode> eventsById = new HashMap<>();
        events.forEach(event -> eventsById.put(event.path("id").asLong(), event));
        List<CompoundResults.ExitedVisit> exited = visits.stream().filter(visit -> visit.exited != null)
                .map(visit -> new CompoundResults.ExitedVisit(visit.name, visit.entered.path("previousEventId").asLong(),
                        visit.exited.path("id").asLong(), details(visit.exited).path("output").asText()))
                .toList();
        String executionStatus = execution.path("status").asText();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Visit visit : visits) {
            State state = find(definition, visit.name);
            if (visit.lastSuccessAt >= 0 && visit.lastSuccessAt > visit.lastFailureAt) {
                if (state instanceof MapState) {
                    visit.taskResult = CompoundResults.ofMap(visit.events, eventsById);
                } else if (state instanceof ParallelState parallel) {
                    visit.taskResult = visit.events.stream()
                            .filter(event -> event.path("type").asText().equals("ParallelStateStarted"))
                            .findFirst()
                            .map(started -> CompoundResults.ofParallel(parallel, started.path("id").asLong(), exited))
                            .orElse(null);
                }
            }
            out.add(json(visit, executionStatus, state, execution, machineArn, machineName,
                    variables.getOrDefault(visit.entered.path("previousEventId").asLong(), Map.of())::get));
        }
        return out;
    }

    /** The open visit an event's chain leads back to; null for the execution's own events. */
    private static Visit openVisit(long eventId, Map<Long, Visit> byEventId, Map<Long, Long> previous) {
        long current = eventId;
        while (current > 0) {
            Visit visit = byEventId.get(current);
            if (visit != null && visit.exited == null) {
                return visit;
            }
            Long before = previous.get(current);
            if (before == null || before >= current) {
                return null;
            }
            current = before;
        }
        return null;
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

    private static ObjectNode json(Visit visit, String executionStatus, State state, ObjectNode execution,
            String machineArn, String machineName, VariableLookup variables) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", visit.name);
        json.put("type", visit.type);
        json.put("status", status(visit, executionStatus));
        json.put("enteredEventId", visit.entered.path("id").asLong());
        if (visit.exited != null) {
            json.put("exitedEventId", visit.exited.path("id").asLong());
        }
        ArrayNode ids = json.putArray("eventIds");
        visit.events.forEach(event -> ids.add(event.path("id").asLong()));
        json.put("retries", Math.max(0, visit.attempts - 1));
        String inputText = details(visit.entered).path("input").asText("null");
        json.put("input", inputText);
        if (visit.exited != null) {
            json.put("output", details(visit.exited).path("output").asText());
            JsonNode assigned = details(visit.exited).path("assignedVariables");
            if (assigned.isObject() && !assigned.isEmpty()) {
                json.set("assignedVariables", assigned.deepCopy());
            }
        }
        if (visit.lastFailure != null) {
            JsonNode failure = details(visit.lastFailure);
            if (failure.hasNonNull("error")) {
                json.put("error", failure.get("error").asText());
            }
            if (failure.hasNonNull("cause")) {
                json.put("cause", failure.get("cause").asText());
            }
        }
        if (state != null) {
            JsonNode input = parsed(details(visit.entered).path("input"));
            ObjectNode context = context(visit, execution, machineArn, machineName);
            boolean caught = visit.lastFailureAt > visit.lastSuccessAt;
            json.set("steps", ProcessingSteps.of(state, input, context, variables, caught ? null : visit.taskResult));
        }
        return json;
    }

    private static String status(Visit visit, String executionStatus) {
        boolean failedLast = visit.lastFailureAt > visit.lastSuccessAt;
        if (visit.exited != null) {
            return failedLast ? "CAUGHT" : "SUCCEEDED";
        }
        if ("RUNNING".equals(executionStatus)) {
            return "RUNNING";
        }
        return failedLast ? "FAILED" : "CANCELLED";
    }

    /** The context object as the state saw it in its last attempt. */
    private static ObjectNode context(Visit visit, ObjectNode execution, String machineArn, String machineName) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode executionContext = context.putObject("Execution");
        executionContext.put("Id", execution.path("executionArn").asText());
        executionContext.set("Input", parsed(execution.path("input")));
        executionContext.put("Name", execution.path("name").asText());
        executionContext.put("StartTime", isoTime(execution.path("startDate")));
        ObjectNode stateContext = context.putObject("State");
        stateContext.put("EnteredTime", isoTime(visit.entered.path("timestamp")));
        stateContext.put("Name", visit.name);
        stateContext.put("RetryCount", Math.max(0, visit.attempts - 1));
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", machineArn);
        machine.put("Name", machineName);
        return context;
    }

    private static String isoTime(JsonNode epochSeconds) {
        return java.time.Instant.ofEpochMilli(Math.round(epochSeconds.asDouble() * 1000)).toString();
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
