package appliance.server;

import appliance.engine.definition.DataFlow;
import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.State;
import appliance.engine.definition.TaskState;
import appliance.engine.definition.Transition;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * TestState of a mocked JSONPath Task, Map or Parallel state, worked out step by step rather than run:
 * the mock stands for the state's work (a Task's call, a Map's iterations, a Parallel's branches), so
 * what is left is the input and output processing, which is evaluated here with the request's variables
 * and context, each step kept for {@code inspectionData}: InputPath, Parameters (a Map: ItemsPath, or
 * the ItemReader's data, ItemSelector for each item, ItemBatcher), the mocked result, ResultSelector,
 * ResultPath, OutputPath, Assign. A mocked error, or a Map whose failed iterations pass its tolerance,
 * is answered by {@link TestedError}.
 */
final class MockedStateRun {

    static final String TOLERANCE_EXCEEDED = "States.ExceedToleratedFailureThreshold";

    private final State state;
    private final ObjectNode stateJson;
    private final TestStateOptions options;
    private final ObjectNode context;
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom();
    private int itemCount;

    MockedStateRun(State state, ObjectNode stateJson, TestStateOptions options, ObjectNode context) {
        this.state = state;
        this.stateJson = stateJson;
        this.options = options;
        this.context = context;
        if (options.variables() != null) {
            options.variables().fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
    }

    /** Whether this state is one a mock stands in for here (a JSONPath Task, Map or Parallel). */
    static boolean applies(State state) {
        return (state instanceof TaskState || state instanceof MapState || state instanceof ParallelState)
                && state.processing() instanceof DataFlow;
    }

    ObjectNode run(JsonNode input, ObjectNode response) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("input", Json.compact(input));
        DataFlow flow = (DataFlow) state.processing();
        try {
            JsonNode effective = flow.inputPath().select(scope(input));
            data.put("afterInputPath", Json.compact(effective));
            if (state instanceof MapState map) {
                mapInput(map, effective, data);
            } else if (flow.parameters() != null) {
                effective = flow.parameters().evaluate(scope(effective), random);
                data.put("afterParameters", Json.compact(effective));
            } else {
                data.put("afterParameters", Json.compact(effective));
            }
            if (options.mockError() != null) {
                fail(options.mockError(), options.mockCause(), input, response, data);
                return data;
            }
            if (state instanceof MapState map && toleranceExceeded(map)) {
                fail(TOLERANCE_EXCEEDED, "The specified tolerated failure threshold for the Map state was exceeded:"
                        + " " + options.mapIterationFailureCount() + " iterations failed", input, response, data);
                return data;
            }
            JsonNode result = options.mockResult();
            data.put("result", Json.compact(result));
            JsonNode selected = flow.resultSelector() == null ? result
                    : flow.resultSelector().evaluate(scope(result), random);
            data.put("afterResultSelector", Json.compact(selected));
            if (flow.assign() != null) {
                JsonNode assigned = flow.assign().evaluate(scope(selected), random);
                assigned.fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
            }
            JsonNode placed = flow.resultPath().apply(input, selected);
            data.put("afterResultPath", Json.compact(placed));
            JsonNode output = flow.outputPath().select(scope(placed));
            response.put("status", "SUCCEEDED");
            response.put("output", Json.compact(output));
            Transition transition = transition();
            if (transition != null && !transition.isEnd()) {
                response.put("nextState", transition.next());
            }
        } catch (StatesFailure e) {
            fail(e.error(), e.cause(), input, response, data);
        } catch (RuntimeException e) {
            fail(ErrorNames.RUNTIME, e.getMessage(), input, response, data);
        }
        putVariables(data);
        return data;
    }

    private void fail(String error, String cause, JsonNode input, ObjectNode response, ObjectNode data) {
        TestedError.answer(state, error, cause, input, context, variables, options.retrierRetryCount(), response, data);
        putVariables(data);
    }

    private void putVariables(ObjectNode data) {
        if (!variables.isEmpty()) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            variables.forEach(json::set);
            data.put("variables", Json.compact(json));
        }
    }

    /** ItemsPath (or the ItemReader's data), ItemSelector for each item, ItemBatcher, and the Map's limits. */
    private void mapInput(MapState map, JsonNode effective, ObjectNode data) {
        JsonNode items = options.mapItemReaderData() != null ? options.mapItemReaderData()
                : map.itemsPath().select(scope(effective));
        data.put("afterItemsPath", Json.compact(items));
        if (!items.isArray()) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The Map state's items are not an array: " + Json.compact(items));
        }
        ArrayNode selected = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            if (map.itemSelector() == null) {
                selected.add(items.get(i));
                continue;
            }
            ObjectNode itemContext = context.deepCopy();
            ObjectNode item = itemContext.putObject("Map").putObject("Item");
            item.put("Index", i);
            item.set("Value", items.get(i));
            selected.add(map.itemSelector().evaluate(new DataScope(effective, itemContext, variables::get), random));
        }
        data.put("afterItemSelector", Json.compact(selected));
        itemCount = selected.size();
        JsonNode batcher = stateJson.get("ItemBatcher");
        if (batcher != null && batcher.isObject()) {
            data.put("afterItemBatcher", Json.compact(batches(batcher, selected)));
        }
        if (map.toleratedFailureCount() != null) {
            data.put("toleratedFailureCount", map.toleratedFailureCount());
        }
        if (map.toleratedFailurePercentage() != null) {
            data.put("toleratedFailurePercentage", map.toleratedFailurePercentage());
        }
        data.put("maxConcurrency", map.maxConcurrency());
    }

    /** The items in batches of MaxItemsPerBatch (all in one when not given), each with the BatchInput. */
    private static ArrayNode batches(JsonNode batcher, ArrayNode items) {
        int size = batcher.path("MaxItemsPerBatch").asInt(0);
        size = size <= 0 ? Math.max(1, items.size()) : size;
        ArrayNode batches = JsonNodeFactory.instance.arrayNode();
        for (int from = 0; from < items.size(); from += size) {
            ObjectNode batch = batches.addObject();
            if (batcher.has("BatchInput")) {
                batch.set("BatchInput", batcher.get("BatchInput"));
            }
            ArrayNode members = batch.putArray("Items");
            for (int i = from; i < Math.min(items.size(), from + size); i++) {
                members.add(items.get(i));
            }
        }
        return batches;
    }

    /** AWS: the Map fails when its failed iterations pass ToleratedFailureCount or ToleratedFailurePercentage (0 when neither is set). */
    private boolean toleranceExceeded(MapState map) {
        Integer failed = options.mapIterationFailureCount();
        if (failed == null || failed == 0) {
            return false;
        }
        if (map.toleratedFailureCount() == null && map.toleratedFailurePercentage() == null) {
            return true;
        }
        if (map.toleratedFailureCount() != null && failed > map.toleratedFailureCount()) {
            return true;
        }
        if (map.toleratedFailurePercentage() != null) {
            return itemCount > 0 && failed * 100.0 / itemCount > map.toleratedFailurePercentage();
        }
        return false;
    }

    private Transition transition() {
        if (state instanceof TaskState task) {
            return task.transition();
        }
        if (state instanceof MapState map) {
            return map.transition();
        }
        if (state instanceof ParallelState parallel) {
            return parallel.transition();
        }
        return null;
    }

    private DataScope scope(JsonNode data) {
        return new DataScope(data, context, variables::get);
    }
}
