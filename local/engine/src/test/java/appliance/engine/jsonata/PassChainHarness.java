package appliance.engine.jsonata;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A test-only runner for the simplest definitions: a chain of Pass states, each in JSONata (Output,
 * Assign) or in JSONPath (Parameters and Assign with {@code .$} paths, no intrinsic functions). It exists
 * to check the JSONata layer against AWS's recorded results before the interpreter is wired; it is not
 * the interpreter. Event ids follow AWS's history for such a chain: ExecutionStarted is #1, and each
 * state takes an entered and an exited event, so the k-th state (from 0) is entered at #2 + 2k.
 */
final class PassChainHarness {

    private static final Set<String> JSONATA_FIELDS = Set.of("Type", "Next", "End", "Comment", "QueryLanguage", "Output", "Assign");
    private static final Set<String> JSONPATH_FIELDS = Set.of("Type", "Next", "End", "Comment", "QueryLanguage", "Parameters", "Assign");
    private static final Instant START = Instant.parse("2024-11-22T10:29:58.123Z");

    /** What a run ended with: an output, or an error and cause (with AWS's state prefix). */
    record Outcome(String status, JsonNode output, String error, String cause) {
    }

    private PassChainHarness() {
    }

    /** Why the harness cannot run this definition, or null when it can. */
    static String unsupportedReason(JsonNode definition) {
        JsonNode states = definition.path("States");
        Iterator<Map.Entry<String, JsonNode>> it = states.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            if (!type.equals("Pass")) {
                return "has a " + type + " state";
            }
            boolean jsonata = isJsonata(definition, state);
            Set<String> allowed = jsonata ? JSONATA_FIELDS : JSONPATH_FIELDS;
            Iterator<String> names = state.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    return "Pass state uses " + name;
                }
            }
            if (!jsonata && state.toString().contains("States.") && usesIntrinsicPath(state)) {
                return "JSONPath Pass state uses an intrinsic function";
            }
        }
        return null;
    }

    private static boolean usesIntrinsicPath(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().endsWith(".$") && entry.getValue().asText().startsWith("States.")) {
                    return true;
                }
                if (usesIntrinsicPath(entry.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (usesIntrinsicPath(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isJsonata(JsonNode definition, JsonNode state) {
        String language = state.path("QueryLanguage").asText(definition.path("QueryLanguage").asText("JSONPath"));
        return language.equals("JSONata");
    }

    static Outcome run(JsonNode definition, JsonNode executionInput) {
        Map<String, JsonNode> variables = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        String stateName = definition.path("StartAt").asText();
        JsonNode input = executionInput;
        long eventId = 2;
        while (true) {
            JsonNode state = definition.path("States").path(stateName);
            JsonNode context = context(executionInput, stateName);
            try {
                input = isJsonata(definition, state)
                        ? runJsonata(state, input, context, variables, random)
                        : runJsonPath(state, input, context, variables);
            } catch (StatesFailure failure) {
                return new Outcome("FAILED", null, failure.error(),
                        QueryEvaluationCauses.inState(stateName, eventId, failure.cause()));
            }
            if (state.path("End").asBoolean(false)) {
                return new Outcome("SUCCEEDED", input, null, null);
            }
            stateName = state.path("Next").asText();
            eventId += 2;
        }
    }

    private static JsonNode runJsonata(JsonNode state, JsonNode input, JsonNode context,
                                       Map<String, JsonNode> variables, SplittableRandom random) {
        // Output and Assign both see the variables as they were before the state: evaluate both, then assign.
        Map<String, JsonNode> before = Map.copyOf(variables);
        JsonataBindings bindings = JsonataBindings.of(input, context, before::get, random, START);
        JsonNode assigned = state.has("Assign")
                ? JsonataTemplate.compile(state.get("Assign"), "Assign").evaluate(bindings)
                : null;
        JsonNode output = state.has("Output")
                ? JsonataTemplate.compile(state.get("Output"), "Output").evaluate(bindings)
                : input;
        if (assigned != null) {
            assigned.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        }
        return output;
    }

    private static JsonNode runJsonPath(JsonNode state, JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
        Map<String, JsonNode> before = Map.copyOf(variables);
        DataScope scope = new DataScope(input, context, before::get);
        JsonNode result = state.has("Parameters") ? resolvePaths(state.get("Parameters"), scope) : input;
        if (state.has("Assign")) {
            JsonNode assigned = resolvePaths(state.get("Assign"), scope.withData(result));
            assigned.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    /** A JSONPath payload template: keys ending in {@code .$} take the value their path reads. */
    private static JsonNode resolvePaths(JsonNode template, DataScope scope) {
        if (!template.isObject()) {
            return template.deepCopy();
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        template.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            if (key.endsWith(".$")) {
                JsonNode value = ReferencePath.compile(entry.getValue().asText()).read(scope);
                if (value == null) {
                    throw new IllegalStateException("the harness does not model a path that reads nothing: " + entry.getValue());
                }
                resolved.set(key.substring(0, key.length() - 2), value.deepCopy());
            } else {
                resolved.set(key, resolvePaths(entry.getValue(), scope));
            }
        });
        return resolved;
    }

    private static JsonNode context(JsonNode executionInput, String stateName) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:us-east-1:111111111111:execution:machine:run");
        execution.set("Input", executionInput);
        execution.put("StartTime", START.toString());
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", START.toString());
        context.putObject("StateMachine").put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:machine");
        return context;
    }
}
