package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.JsonataFlow;
import appliance.engine.definition.MapState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.jsonata.QueryEvaluationCauses;
import appliance.engine.maprun.MapRunSettings;
import appliance.engine.path.DataScope;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Map, the one iteration core of both modes: runs the item processor once per item (or, with an
 * ItemBatcher, once per batch), at most MaxConcurrency at a time, each in a variable scope of its own;
 * the result is the array of iteration outputs in order (or, with a ResultWriter, where the results
 * were written). As the ASL specification states, the state fails when the failed items breach either
 * ToleratedFailureCount or ToleratedFailurePercentage (the first failure's error when neither is set).
 * Where the iterations run and how the history shows them (inline, or a DISTRIBUTED Map Run) is the
 * {@link MapProcessor}'s part. As at AWS, MapStateStarted comes after Items and MaxConcurrency are read
 * and before the tolerated failures are.
 */
final class MapStep {

    /** AWS runs at most this many child executions of a Map Run at once. */
    static final int DISTRIBUTED_CONCURRENCY = 10_000;

    private final StateRun run;
    private final MapState state;
    private final JsonNode input;
    private final ArrayNode items;
    private final List<JsonNode> outputs = new ArrayList<>();
    private final int limit;
    private final MapProcessor processor;
    private Integer toleratedCount;
    private Double toleratedPercentage;
    /** Null without an ItemBatcher. */
    private MapBatches batches;
    private final List<MapIteration> iterations = new ArrayList<>();
    /** How many items each iteration carries (1 without an ItemBatcher). */
    private final List<Integer> iterationItems = new ArrayList<>();
    /** The next item not yet given to an iteration. */
    private int nextItem;
    private int running;
    private int failedItems;
    private boolean over;

    private MapStep(StateRun run, MapState state, JsonNode input, ArrayNode items, int limit) {
        this.run = run;
        this.state = state;
        this.input = input;
        this.items = items;
        this.limit = limit;
        this.processor = MapProcessor.of(run, state.distributed());
    }

    static void run(StateRun run, MapState state) {
        JsonNode input = run.effectiveInput();
        JsonNode items = state.itemReader() != null ? ItemReading.read(run, state, input) : items(run, state, input);
        int limit = state.maxConcurrencyPath() == null ? state.maxConcurrency()
                : integer(run, input, state.maxConcurrencyPath(), "MaxConcurrencyPath");
        JsonataTemplate limitExpression = JsonataSteps.field(run, "MaxConcurrency");
        if (limitExpression != null) {
            limit = (int) jsonataInteger(run, limitExpression);
        }
        new MapStep(run, state, input, (ArrayNode) items, limit).start();
    }

    /** ToleratedFailureCount[Path] and ToleratedFailurePercentage[Path]: null when absent. */
    private void readTolerance() {
        Integer count = state.toleratedFailureCount();
        JsonataTemplate countExpression = JsonataSteps.field(run, "ToleratedFailureCount");
        if (countExpression != null) {
            count = (int) jsonataInteger(run, countExpression);
        }
        if (state.toleratedFailureCountPath() != null) {
            count = integer(run, input, state.toleratedFailureCountPath(), "ToleratedFailureCountPath");
        }
        if (count != null && count < 0) {
            throw new DataFlowException("ToleratedFailureCount cannot be negative.");
        }
        Double percentage = state.toleratedFailurePercentage();
        if (state.toleratedFailurePercentagePath() != null) {
            JsonNode value = read(run, input, state.toleratedFailurePercentagePath());
            if (value.isTextual() && value.asText().matches("-?\\d{1,9}(\\.\\d+)?")) {
                value = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(Double.parseDouble(value.asText()));
            }
            if (!value.isNumber()) {
                throw new DataFlowException("The ToleratedFailurePercentagePath field refers to value \""
                        + WaitStep.text(value) + "\" which is not a valid float: " + state.toleratedFailurePercentagePath().text());
            }
            percentage = value.asDouble();
        }
        JsonataTemplate percentageExpression = JsonataSteps.field(run, "ToleratedFailurePercentage");
        if (percentageExpression != null) {
            percentage = JsonataSteps.evaluate(run,
                    () -> percentageExpression.evaluateNumber(JsonataSteps.bindings(run)));
        }
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            throw new DataFlowException("ToleratedFailurePercentage must be between 0 and 100.");
        }
        toleratedCount = count;
        toleratedPercentage = percentage;
    }

    /**
     * The items to iterate: JSONPath reads ItemsPath; JSONata evaluates Items, or takes the input, which
     * must then be an array.
     */
    private static JsonNode items(StateRun run, MapState state, JsonNode input) {
        if (state.processing() instanceof JsonataFlow flow) {
            JsonataTemplate items = flow.field("Items");
            if (items != null) {
                return JsonataSteps.evaluate(run, () -> items.evaluateArray(JsonataSteps.bindings(run)));
            }
            if (!input.isArray()) {
                throw JsonataSteps.inState(run, new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR,
                        QueryEvaluationCauses.mapInputNotArray(input)));
            }
            return input;
        }
        JsonNode items = state.itemsPath().select(run.scope(input));
        if (!items.isArray()) {
            throw new DataFlowException("Items of the ItemsPath '" + state.itemsPath().path().text()
                    + "' is not a JSON array: " + WaitStep.text(items));
        }
        return items;
    }

    static long jsonataInteger(StateRun run, JsonataTemplate expression) {
        long value = JsonataSteps.evaluate(run, () -> expression.evaluateInteger(JsonataSteps.bindings(run)));
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw JsonataSteps.inState(run, new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR,
                    "The " + expression.fieldName() + " field must be a non-negative integer: " + value,
                    expression.fieldName()));
        }
        return value;
    }

    static int integer(StateRun run, JsonNode input, ReferencePath path, String field) {
        JsonNode value = read(run, input, path);
        if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            // AWS reads an integer written as a string, such as "1".
            return Integer.parseInt(value.asText());
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new DataFlowException("The " + field + " field refers to value \"" + WaitStep.text(value)
                    + "\" which is not a valid integer: " + path.text());
        }
        return value.asInt();
    }

    private static JsonNode read(StateRun run, JsonNode input, ReferencePath path) {
        try {
            return path.readRequired(run.scope(input));
        } catch (PathNotFound e) {
            throw new DataFlowException("Invalid path '" + path.text() + "' : " + e.getMessage());
        }
    }

    private void start() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("length", items.size());
        run.branch.record("MapStateStarted", "mapStateStartedEventDetails", () -> details);
        readTolerance();
        if (state.itemBatcher() != null) {
            batches = MapBatches.read(run, state.itemBatcher(), input);
        }
        processor.started(new MapRunSettings(limit, toleratedCount, toleratedPercentage), items.size(),
                this::settingsChanged);
        if (items.isEmpty()) {
            succeed();
            return;
        }
        startMore();
    }

    /** An UpdateMapRun changed the concurrency or the tolerated failures: act on the new values. */
    private void settingsChanged() {
        if (over) {
            return;
        }
        if (failedItems > 0 && breached()) {
            failMap(thresholdExceeded(), true);
        } else {
            startMore();
        }
    }

    /**
     * How many iterations may run at once: MaxConcurrency, or with none (0) no limit inline and AWS's
     * 10,000 child executions at a time for a Map Run.
     */
    private int limit() {
        int current = processor.settings().maxConcurrency();
        if (current == 0) {
            return state.distributed() ? DISTRIBUTED_CONCURRENCY : Integer.MAX_VALUE;
        }
        return current;
    }

    private void startMore() {
        try {
            while (!over && running < limit() && nextItem < items.size()) {
                startIteration(iterations.size());
            }
        } catch (DataFlowException e) {
            // An item the ItemSelector cannot shape fails the whole state, even with iterations running.
            failMap(run.runtimeFailure(e.detail()), false);
        } catch (StatesFailure e) {
            failMap(e, false);
        }
    }

    /**
     * Ends the state with a failure: the iterations still running are cancelled. {@code fromIteration}:
     * the failure came out of an iteration (or the tolerated threshold), not the state's own evaluation.
     */
    private void failMap(StatesFailure failure, boolean fromIteration) {
        over = true;
        iterations.forEach(MapIteration::cancel);
        processor.failed(failure);
        if (fromIteration) {
            run.failFromInside(failure);
        } else {
            run.fail(failure);
        }
    }

    private void startIteration(int index) {
        JsonNode iterationInput;
        int count;
        if (batches == null) {
            iterationInput = select(nextItem);
            count = 1;
            nextItem++;
        } else {
            MapBatches.Batch batch = batches.next(nextItem, items.size(), this::select);
            iterationInput = batch.input();
            count = batch.itemCount();
            nextItem += count;
        }
        running++;
        outputs.add(null);
        iterationItems.add(count);
        // Iterations start in order, so iteration i is iterations.get(i).
        iterations.add(processor.start(index, iterationInput, count, outcome -> done(index, outcome)));
    }

    /** Item {@code index} as its iteration gets it: shaped by the ItemSelector when there is one. */
    private JsonNode select(int index) {
        JsonNode item = items.get(index);
        JsonataTemplate jsonataSelector = JsonataSteps.field(run, "ItemSelector");
        if (state.itemSelector() == null && jsonataSelector == null) {
            return item;
        }
        ObjectNode context = run.context().deepCopy();
        ObjectNode mapItem = context.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return jsonataSelector != null
                ? JsonataSteps.evaluate(run, () -> jsonataSelector.evaluate(JsonataSteps.bindings(run, context)))
                : state.itemSelector().evaluate(new DataScope(input, context, run.branch.variables),
                        run.branch.execution.random);
    }

    private void done(int index, Outcome outcome) {
        if (over) {
            return;
        }
        running--;
        processor.iterationEnded(index, iterations.get(index), outcome);
        if (outcome instanceof Outcome.Succeeded succeeded) {
            outputs.set(index, succeeded.output());
        } else {
            StatesFailure failure = ((Outcome.Failed) outcome).failure();
            failedItems += iterationItems.get(index);
            ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
            errorOutput.put("Error", failure.error());
            if (failure.cause() != null) {
                errorOutput.put("Cause", failure.cause());
            }
            outputs.set(index, errorOutput);
            if (ErrorNames.RUNTIME.equals(failure.error()) || breached()) {
                MapRunSettings settings = processor.settings();
                boolean toleranceSet = settings.toleratedFailureCount() != null
                        || settings.toleratedFailurePercentage() != null;
                failMap(toleranceSet && !ErrorNames.RUNTIME.equals(failure.error()) ? thresholdExceeded() : failure,
                        true);
                return;
            }
        }
        if (nextItem == items.size() && running == 0) {
            succeed();
        } else {
            startMore();
        }
    }

    private static StatesFailure thresholdExceeded() {
        return new StatesFailure(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                "The specified tolerated failure threshold was exceeded");
    }

    /**
     * Whether the failed items breach the tolerance. The specification: the Map fails when either
     * threshold is breached; with neither set, any failure is a breach.
     */
    private boolean breached() {
        MapRunSettings settings = processor.settings();
        Integer count = settings.toleratedFailureCount();
        Double percentage = settings.toleratedFailurePercentage();
        if (count == null && percentage == null) {
            return true;
        }
        boolean byCount = count != null && failedItems > count;
        boolean byPercentage = percentage != null && failedItems * 100.0 / items.size() > percentage;
        return byCount || byPercentage;
    }

    private void succeed() {
        over = true;
        JsonNode result;
        if (state.resultWriter() != null) {
            try {
                result = ResultWriting.write(run, state, input, (MapRunProcessor) processor);
            } catch (StatesFailure e) {
                failMap(e, true);
                return;
            }
        } else {
            ArrayNode outputArray = JsonNodeFactory.instance.arrayNode();
            outputs.forEach(outputArray::add);
            result = outputArray;
        }
        processor.succeeded();
        run.branch.recordAside("MapStateSucceeded", null, null);
        run.guarded(() -> run.succeed(result, state.transition().next()));
    }
}
