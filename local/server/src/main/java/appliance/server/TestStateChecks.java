package appliance.server;

import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.State;
import appliance.engine.definition.TaskState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

/**
 * TestState's checks of a request against the state it tests, with AWS's rules: a mock only for a Task,
 * Map or Parallel state, and a Map or Parallel only when mocked; a mocked result fit for the
 * integration ({@link MockShapes}); {@code errorCausedByState} only with a mocked error of a Map or
 * Parallel, naming a state inside it; the Map settings only for a Map. And the context object ({@code $$})
 * the state sees: a test execution's, with the request's {@code context} laid over it.
 */
final class TestStateChecks {

    private TestStateChecks() {
    }

    /** @throws ApiException ValidationException saying what does not fit */
    static void check(State state, ObjectNode stateJson, TestStateOptions options) {
        boolean compound = state instanceof MapState || state instanceof ParallelState;
        if (options.mocked() && !(state instanceof TaskState) && !compound) {
            throw ApiException.validation("A mock can only be given for a Task, Map or Parallel state; '" + state.name()
                    + "' is a " + state.type() + " state");
        }
        if (compound && !options.mocked()) {
            throw ApiException.validation("A " + state.type() + " state can only be tested with a mock of its result"
                    + " or error");
        }
        if (state instanceof TaskState task && !options.mocked() && needsMock(task.resource())) {
            throw ApiException.validation("A Task state whose resource is an activity, or an integration that waits"
                    + " (.sync, .waitForTaskToken), can only be tested with a mock: '" + task.resource() + "'");
        }
        if (options.mockResult() != null && !"NONE".equals(options.validationMode())) {
            if (state instanceof TaskState task) {
                MockShapes.check(task.resource(), options.mockResult(), options.validationMode());
            } else if (compound && !options.mockResult().isArray()) {
                throw ApiException.validation("Mock result schema validation error: the result of a " + state.type()
                        + " state is a JSON array");
            }
        }
        if (options.errorCausedByState() != null) {
            if (!compound || options.mockError() == null) {
                throw ApiException.validation("errorCausedByState can only be given with a mocked errorOutput of a"
                        + " Map or Parallel state");
            }
            if (!containsState(stateJson, options.errorCausedByState())) {
                throw ApiException.validation("errorCausedByState names no state inside '" + state.name() + "': '"
                        + options.errorCausedByState() + "'");
            }
        }
        if ((options.mapIterationFailureCount() != null || options.mapItemReaderData() != null)
                && !(state instanceof MapState)) {
            throw ApiException.validation("mapIterationFailureCount and mapItemReaderData can only be given for a Map"
                    + " state");
        }
        if (options.mapItemReaderData() != null && !stateJson.has("ItemReader")) {
            throw ApiException.validation("mapItemReaderData can only be given for a Map state with an ItemReader");
        }
    }

    /** AWS's TestState runs these only mocked: their answer comes from a worker or a job, not the call. */
    private static boolean needsMock(String resource) {
        return resource.contains(":activity:") || resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync")
                || resource.endsWith(".sync:2");
    }

    /** Whether a state of that name is anywhere inside a Map's processor or a Parallel's branches. */
    private static boolean containsState(JsonNode json, String name) {
        JsonNode states = json.get("States");
        if (states != null && states.isObject() && states.has(name)) {
            return true;
        }
        for (Iterator<JsonNode> children = json.elements(); children.hasNext();) {
            JsonNode child = children.next();
            if (child.isContainerNode() && containsState(child, name)) {
                return true;
            }
        }
        return false;
    }

    /** The context object of a test execution, with the request's {@code context} laid over it, field by field. */
    static ObjectNode context(String stateName, JsonNode input, ObjectNode given, Clock clock) {
        String now = java.time.format.DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:us-east-1:123456789012:execution:TestState:test");
        execution.set("Input", input);
        execution.put("Name", "test");
        execution.put("RoleArn", "arn:aws:iam::123456789012:role/TestState");
        execution.put("StartTime", now);
        execution.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", now);
        state.put("RetryCount", 0);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", "arn:aws:states:us-east-1:123456789012:stateMachine:TestState");
        machine.put("Name", "TestState");
        if (given != null) {
            merge(context, given);
        }
        return context;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = from.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode value) {
                merge(object, value);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }
}
