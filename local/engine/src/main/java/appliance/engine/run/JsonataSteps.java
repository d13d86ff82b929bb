package appliance.engine.run;

import appliance.engine.definition.Catcher;
import appliance.engine.definition.ChoiceBranch;
import appliance.engine.definition.JsonataFlow;
import appliance.engine.definition.PassState;
import appliance.engine.definition.Processing;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataBindings;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.jsonata.QueryEvaluationCauses;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSONata processing: {@code Arguments} is what the state's work sees; {@code Output} (default: the
 * result, or the input for states without one) and {@code Assign} see {@code $states.result} and the
 * variables as they were before the state; a Catcher's see {@code $states.errorOutput}. Every evaluation
 * error is {@code States.QueryEvaluationError} with AWS's "An error occurred while executing the state"
 * before its cause.
 */
final class JsonataSteps implements QueryLanguageSteps {

    static final JsonataSteps INSTANCE = new JsonataSteps();

    private JsonataSteps() {
    }

    private static JsonataFlow flow(StateRun run) {
        return (JsonataFlow) run.state.processing();
    }

    /** A JSONata field of the running state, or null (also for a JSONPath state, or a field with a plain value). */
    static JsonataTemplate field(StateRun run, String name) {
        return run.state.processing() instanceof JsonataFlow flow ? flow.field(name) : null;
    }

    /** What the state's expressions see: its raw input, its context object, the variables, time and randomness. */
    static JsonataBindings bindings(StateRun run) {
        return bindings(run, run.context());
    }

    static JsonataBindings bindings(StateRun run, JsonNode context) {
        ExecutionRun execution = run.branch.execution;
        return JsonataBindings.of(run.rawInput, context, run.branch.variables, execution.random,
                execution.scheduler.now());
    }

    /** Runs an evaluation of this state's, putting AWS's state prefix before a QueryEvaluationError's cause. */
    static <T> T evaluate(StateRun run, Supplier<T> evaluation) {
        try {
            return evaluation.get();
        } catch (StatesFailure e) {
            throw inState(run, e);
        }
    }

    static StatesFailure inState(StateRun run, StatesFailure failure) {
        if (!ErrorNames.QUERY_EVALUATION_ERROR.equals(failure.error())) {
            return failure;
        }
        return new StatesFailure(failure.error(),
                QueryEvaluationCauses.inState(run.state.name(), run.enteredEventId(), failure.cause()), failure.location());
    }

    @Override
    public JsonNode effectiveInput(StateRun run) {
        JsonataTemplate arguments = flow(run).arguments();
        if (arguments == null) {
            return run.rawInput;
        }
        return evaluate(run, () -> arguments.evaluate(bindings(run)));
    }

    @Override
    public void pass(StateRun run, PassState state) {
        passThrough(run, run.rawInput, null, state.transition().next());
    }

    @Override
    public void succeed(StateRun run, JsonNode result, String next) {
        finish(run, flow(run), null, bindings(run).withResult(result), result, next);
    }

    @Override
    public void passThrough(StateRun run, JsonNode input, Processing rule, String next) {
        finish(run, flow(run), (JsonataFlow) rule, bindings(run), input, next);
    }

    @Override
    public boolean matches(StateRun run, ChoiceBranch branch, JsonNode input) {
        JsonataTemplate condition = ((JsonataFlow) branch.processing()).field("Condition");
        return evaluate(run, () -> condition.evaluateBoolean(bindings(run)));
    }

    @Override
    public void caught(StateRun run, Catcher catcher, StatesFailure failure) {
        JsonNode errorOutput = StateRun.errorOutput(failure);
        finish(run, (JsonataFlow) catcher.processing(), null, bindings(run).withErrorOutput(errorOutput), errorOutput,
                catcher.next());
    }

    /**
     * Assign, then Output, both with the variables as they were before the state; a matched Choice rule's
     * Assign adds to the state's, its Output replaces the state's.
     */
    private static void finish(StateRun run, JsonataFlow flow, JsonataFlow rule, JsonataBindings bindings,
                               JsonNode defaultOutput, String next) {
        Map<String, JsonNode> assigned = assign(run, flow.assign(), bindings);
        if (rule != null && rule.assign() != null) {
            assigned = new HashMap<>(assigned);
            assigned.putAll(assign(run, rule.assign(), bindings));
        }
        JsonataTemplate output = rule != null && rule.output() != null ? rule.output() : flow.output();
        JsonNode value = output == null ? defaultOutput : evaluate(run, () -> output.evaluate(bindings));
        run.exit(value, assigned, next);
    }

    private static Map<String, JsonNode> assign(StateRun run, JsonataTemplate assign, JsonataBindings bindings) {
        if (assign == null) {
            return Map.of();
        }
        JsonNode evaluated = evaluate(run, () -> assign.evaluate(bindings));
        Map<String, JsonNode> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : evaluated.properties()) {
            values.put(entry.getKey(), entry.getValue());
        }
        return values;
    }
}
