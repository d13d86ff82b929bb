package appliance.engine.jsonata;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import appliance.engine.path.VariableLookup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A test-only runner for simple definitions, to check the JSONata layer against AWS's recorded results
 * before the interpreter is wired. It is NOT the interpreter: no Task, Parallel, Retry or Catch, no
 * history; Wait does not wait. It runs a chain of
 * <ul>
 *   <li>Pass states in JSONata (Output, Assign) or JSONPath (Parameters and Assign with {@code .$} paths,
 *       no intrinsic functions); JSONPath Fail and Succeed;</li>
 *   <li>JSONata Choice (Condition, Output, Assign, Default), Fail (Error, Cause), Succeed, Wait (Seconds,
 *       Timestamp), and Map (Items or the input, ItemSelector, MaxConcurrency, ToleratedFailure*, an
 *       ItemProcessor of Pass states).</li>
 * </ul>
 * Event ids follow AWS's history where the corpus needs them: ExecutionStarted is #1 and each state
 * outside a Map takes an entered and an exited event, so a state is entered at #2 + 2 × (states before it).
 */
final class FlatMachineHarness {

    private static final Set<String> COMMON = Set.of("Type", "Next", "End", "Comment", "QueryLanguage");
    private static final Map<String, Set<String>> JSONATA_FIELDS = Map.of(
            "Pass", Set.of("Output", "Assign"),
            "Choice", Set.of("Choices", "Default", "Output", "Assign"),
            "Fail", Set.of("Error", "Cause"),
            "Succeed", Set.of("Output"),
            "Wait", Set.of("Seconds", "Timestamp", "Output", "Assign"),
            "Map", Set.of("Items", "ItemSelector", "ItemProcessor", "MaxConcurrency", "ToleratedFailurePercentage",
                    "ToleratedFailureCount", "Output", "Assign"));
    private static final Map<String, Set<String>> JSONPATH_FIELDS = Map.of(
            "Pass", Set.of("Parameters", "Assign"),
            "Fail", Set.of("Error", "Cause"),
            "Succeed", Set.of());
    private static final Instant START = Instant.parse("2024-11-22T10:29:58.123Z");

    /** What a run ended with: an output, or an error and cause (with AWS's state prefix). */
    record Outcome(String status, JsonNode output, String error, String cause) {
    }

    /** A state's output and where to go next (null at the end). */
    private record Step(JsonNode output, String next) {
    }

    private final JsonNode definition;
    private final Map<String, JsonNode> variables = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(1);

    private FlatMachineHarness(JsonNode definition) {
        this.definition = definition;
    }

    /** Why the harness cannot run this definition, or null when it can. */
    static String unsupportedReason(JsonNode definition) {
        return unsupportedReason(definition, definition.path("QueryLanguage").asText("JSONPath"));
    }

    /** True when every state, also inside Maps, is a Pass state. */
    static boolean isPassOnly(JsonNode machine) {
        Iterator<JsonNode> states = machine.path("States").elements();
        while (states.hasNext()) {
            JsonNode state = states.next();
            if (!state.path("Type").asText().equals("Pass")) {
                return false;
            }
        }
        return true;
    }

    private static String unsupportedReason(JsonNode machine, String inheritedLanguage) {
        for (Map.Entry<String, JsonNode> entry : machine.path("States").properties()) {
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            boolean jsonata = state.path("QueryLanguage").asText(inheritedLanguage).equals("JSONata");
            Set<String> allowed = (jsonata ? JSONATA_FIELDS : JSONPATH_FIELDS).get(type);
            if (allowed == null) {
                return "has a " + (jsonata ? "" : "JSONPath ") + type + " state";
            }
            Iterator<String> names = state.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!COMMON.contains(name) && !allowed.contains(name)) {
                    return type + " state uses " + name;
                }
            }
            if (!jsonata && usesIntrinsicFunction(state)) {
                return "JSONPath Pass state uses an intrinsic function";
            }
            if (type.equals("Map")) {
                JsonNode processor = state.path("ItemProcessor");
                if (!isPassOnly(processor)) {
                    return "Map runs states other than Pass";
                }
                String inner = unsupportedReason(processor, "JSONata");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean usesIntrinsicFunction(JsonNode node) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().endsWith(".$") && entry.getValue().asText().startsWith("States.")) {
                return true;
            }
            if (entry.getValue().isContainerNode() && usesIntrinsicFunction(entry.getValue())) {
                return true;
            }
        }
        for (JsonNode item : node.isArray() ? node : JsonNodeFactory.instance.arrayNode()) {
            if (usesIntrinsicFunction(item)) {
                return true;
            }
        }
        return false;
    }

    static Outcome run(JsonNode definition, JsonNode executionInput) {
        return new FlatMachineHarness(definition).run(executionInput);
    }

    private Outcome run(JsonNode executionInput) {
        String stateName = definition.path("StartAt").asText();
        JsonNode input = executionInput;
        long eventId = 2;
        while (true) {
            JsonNode state = definition.path("States").path(stateName);
            try {
                Step step = runState(definition, stateName, state, input, executionInput, null, variables);
                if (step.next() == null) {
                    return new Outcome("SUCCEEDED", step.output(), null, null);
                }
                if (state.path("Type").asText().equals("Map")) {
                    eventId = -1; // a Map's iterations add events this harness does not number
                } else if (eventId > 0) {
                    eventId += 2;
                }
                input = step.output();
                stateName = step.next();
            } catch (StatesFailure failure) {
                if (failure.error() == null || !failure.error().startsWith("States.")) {
                    return new Outcome("FAILED", null, failure.error(), failure.cause());
                }
                if (eventId < 0) {
                    throw new IllegalStateException("the harness does not number events after a Map state");
                }
                return new Outcome("FAILED", null, failure.error(),
                        QueryEvaluationCauses.inState(stateName, eventId, failure.cause()));
            }
        }
    }

    private Step runState(JsonNode machine, String name, JsonNode state, JsonNode input, JsonNode executionInput,
                          ObjectNode mapItem, Map<String, JsonNode> scope) {
        String inherited = machine == definition ? definition.path("QueryLanguage").asText("JSONPath") : "JSONata";
        boolean jsonata = state.path("QueryLanguage").asText(inherited).equals("JSONata");
        JsonNode context = context(executionInput, name, mapItem);
        Map<String, JsonNode> before = Map.copyOf(scope);
        if (!jsonata) {
            return switch (state.path("Type").asText()) {
                case "Fail" -> throw new StatesFailure(textOrNull(state.get("Error")), textOrNull(state.get("Cause")));
                case "Succeed" -> new Step(input, null);
                default -> new Step(runJsonPathPass(state, input, context, before, scope), next(state));
            };
        }
        JsonataBindings bindings = JsonataBindings.of(input, context, before::get, random, START);
        return switch (state.path("Type").asText()) {
            case "Pass", "Succeed" -> finish(state, bindings, null, input, scope, next(state));
            case "Wait" -> {
                if (state.has("Seconds")) {
                    template(state, "Seconds").evaluateInteger(bindings);
                }
                if (state.has("Timestamp")) {
                    template(state, "Timestamp").evaluateTimestamp(bindings);
                }
                yield finish(state, bindings, null, input, scope, next(state));
            }
            case "Fail" -> throw new StatesFailure(
                    state.has("Error") ? template(state, "Error").evaluateString(bindings) : null,
                    state.has("Cause") ? template(state, "Cause").evaluateString(bindings) : null);
            case "Choice" -> runChoice(state, bindings, input, scope);
            case "Map" -> runMap(state, bindings, input, executionInput, scope);
            default -> throw new IllegalStateException("unsupported state " + name);
        };
    }

    private Step runChoice(JsonNode state, JsonataBindings bindings, JsonNode input, Map<String, JsonNode> scope) {
        for (JsonNode rule : state.path("Choices")) {
            if (JsonataTemplate.compile(rule.get("Condition"), "Condition").evaluateBoolean(bindings)) {
                return finish(rule, bindings, null, input, scope, rule.path("Next").asText());
            }
        }
        if (!state.has("Default")) {
            throw new StatesFailure(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
        }
        return finish(state, bindings, null, input, scope, state.path("Default").asText());
    }

    private Step runMap(JsonNode state, JsonataBindings bindings, JsonNode input, JsonNode executionInput,
                        Map<String, JsonNode> scope) {
        ArrayNode items;
        if (state.has("Items")) {
            items = template(state, "Items").evaluateArray(bindings);
        } else if (input.isArray()) {
            items = (ArrayNode) input;
        } else {
            throw new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR, QueryEvaluationCauses.mapInputNotArray(input));
        }
        for (String integerField : new String[] {"MaxConcurrency", "ToleratedFailureCount"}) {
            if (state.has(integerField)) {
                template(state, integerField).evaluateInteger(bindings);
            }
        }
        if (state.has("ToleratedFailurePercentage")) {
            template(state, "ToleratedFailurePercentage").evaluateNumber(bindings);
        }
        JsonNode processor = state.path("ItemProcessor");
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (int index = 0; index < items.size(); index++) {
            ObjectNode mapItem = JsonNodeFactory.instance.objectNode();
            mapItem.put("Index", index);
            mapItem.set("Value", items.get(index));
            JsonNode iterationInput = items.get(index);
            if (state.has("ItemSelector")) {
                JsonataBindings selectorBindings = JsonataBindings.of(input,
                        context(executionInput, "Map", mapItem), bindings.variables(), random, START);
                iterationInput = template(state, "ItemSelector").evaluate(selectorBindings);
            }
            results.add(runIteration(processor, iterationInput, executionInput, mapItem, scope));
        }
        return finish(state, bindings.withResult(results), results, input, scope, next(state));
    }

    /** Runs one iteration; it reads the outer variables, and its own assignments stay inside it. */
    private JsonNode runIteration(JsonNode processor, JsonNode input, JsonNode executionInput, ObjectNode mapItem,
                                  Map<String, JsonNode> outer) {
        Map<String, JsonNode> scope = new HashMap<>(outer);
        String name = processor.path("StartAt").asText();
        while (true) {
            Step step = runState(processor, name, processor.path("States").path(name), input, executionInput, mapItem, scope);
            if (step.next() == null) {
                return step.output();
            }
            input = step.output();
            name = step.next();
        }
    }

    /** Output and Assign of a JSONata state: both see the variables as they were before the state. */
    private Step finish(JsonNode holder, JsonataBindings bindings, JsonNode result, JsonNode input,
                        Map<String, JsonNode> scope, String next) {
        JsonNode assigned = holder.has("Assign") ? template(holder, "Assign").evaluate(bindings) : null;
        JsonNode output = holder.has("Output") ? template(holder, "Output").evaluate(bindings)
                : result != null ? result : input;
        if (assigned != null) {
            assigned.properties().forEach(entry -> scope.put(entry.getKey(), entry.getValue()));
        }
        return new Step(output, next);
    }

    private static String textOrNull(JsonNode node) {
        return node == null ? null : node.asText();
    }

    private static JsonataTemplate template(JsonNode holder, String field) {
        return JsonataTemplate.compile(holder.get(field), field);
    }

    private static String next(JsonNode state) {
        return state.path("End").asBoolean(false) || state.path("Type").asText().equals("Succeed")
                ? null : state.path("Next").asText();
    }

    private static JsonNode runJsonPathPass(JsonNode state, JsonNode input, JsonNode context, Map<String, JsonNode> before,
                                            Map<String, JsonNode> scope) {
        VariableLookup lookup = before::get;
        DataScope data = new DataScope(input, context, lookup);
        JsonNode result = state.has("Parameters") ? resolvePaths(state.get("Parameters"), data) : input;
        if (state.has("Assign")) {
            resolvePaths(state.get("Assign"), data.withData(result)).properties()
                    .forEach(entry -> scope.put(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    /** A JSONPath payload template: keys ending in {@code .$} take the value their path reads. */
    private static JsonNode resolvePaths(JsonNode template, DataScope scope) {
        if (!template.isObject()) {
            return template.deepCopy();
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        template.properties().forEach(entry -> {
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

    private static JsonNode context(JsonNode executionInput, String stateName, ObjectNode mapItem) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:us-east-1:111111111111:execution:machine:run");
        execution.set("Input", executionInput);
        execution.put("StartTime", START.toString());
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", START.toString());
        context.putObject("StateMachine").put("Id", "arn:aws:states:us-east-1:111111111111:stateMachine:machine");
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }
}
