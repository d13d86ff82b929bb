package appliance.engine.run;

import appliance.engine.error.ErrorEquals;
import appliance.engine.definition.Catcher;
import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.ErrorHandling;
import appliance.engine.definition.Json;
import appliance.engine.definition.MapState;
import appliance.engine.definition.ParallelState;
import appliance.engine.definition.Processing;
import appliance.engine.definition.Retrier;
import appliance.engine.definition.State;
import appliance.engine.definition.TaskState;
import appliance.engine.definition.WaitState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One visit of one state: entered, attempted (perhaps retried), then exited to the next state, caught,
 * or failed. The steps common to every state live here (input and output processing, Retry, Catch,
 * the payload limit, the entered/exited events); what a state type does itself lives in its
 * {@code *Step} class.
 */
final class StateRun {

    final BranchRun branch;
    final State state;
    final JsonNode rawInput;
    /** JSONPath or JSONata: how this state's input and output are processed. */
    final QueryLanguageSteps language;
    private long enteredEventId;
    /** The event the entered event links to: where an EvaluationFailed event links, in most states. */
    private long beforeEnteredEventId;
    private Instant enteredTime;
    private int retryCount;
    private String taskToken;
    private String enteredTimeText;
    /** The context object of the current attempt, made when first needed (many states never read it). */
    private ObjectNode context;
    /** Retries used, per Retry entry (by identity: entries that are alike are still different entries). */
    private final Map<Retrier, Integer> attemptsByRetrier = new java.util.IdentityHashMap<>();

    StateRun(BranchRun branch, State state, JsonNode rawInput) {
        this.branch = branch;
        this.state = state;
        this.rawInput = rawInput;
        this.language = QueryLanguageSteps.of(state.processing());
    }

    void begin() {
        enteredTime = branch.execution.scheduler.now();
        enteredTimeText = ContextTime.format(enteredTime);
        beforeEnteredEventId = branch.cursor();
        enteredEventId = branch.record(state.type() + "StateEntered", "stateEnteredEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("name", state.name());
            details.put("input", Json.compact(rawInput));
            details.set("inputDetails", Details.notTruncated());
            return details;
        });
        attempt();
    }

    /** Runs (or re-runs, on retry) the state's own work. */
    private void attempt() {
        context = null;
        guarded(() -> StateSteps.run(this));
    }

    /**
     * A redrive takes the state up again after event {@code afterEventId}: its work is done again as a
     * retry does it (a fresh context, so a new task token), linked after that event, not counted as a retry.
     */
    void redriven(long afterEventId) {
        branch.moveCursor(afterEventId);
        attempt();
    }

    /**
     * Runs a piece of this state's work, turning the failures it raises into this state's failure.
     * Continuations (a task's answer, a timer) come through here too, and do nothing once the branch
     * is no longer live (its execution ended or a sibling branch failed).
     */
    void guarded(Runnable work) {
        if (!branch.isLive()) {
            return;
        }
        try {
            work.run();
        } catch (DataFlowException e) {
            fail(runtimeFailure(e.detail()));
        } catch (StatesFailure e) {
            fail(e);
        }
    }

    StatesFailure runtimeFailure(String detail) {
        return StatesFailure.runtime("An error occurred while executing the state '" + state.name()
                + "' (entered at the event id #" + enteredEventId + "). " + detail);
    }

    long enteredEventId() {
        return enteredEventId;
    }

    /**
     * The context object ({@code $$}) as this state sees it in this attempt. Made once per attempt and
     * shared: callers must not change it (copy it to add to it).
     */
    ObjectNode context() {
        if (context == null) {
            context = newContext();
        }
        return context;
    }

    private ObjectNode newContext() {
        ExecutionRun execution = branch.execution;
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.set("Execution", execution.contextExecution());
        ObjectNode stateNode = context.putObject("State");
        stateNode.put("EnteredTime", enteredTimeText);
        stateNode.put("Name", state.name());
        if (state instanceof TaskState || state instanceof MapState || state instanceof ParallelState) {
            // AWS gives RetryCount only to the states that can retry (a Pass state has none).
            stateNode.put("RetryCount", retryCount);
        }
        context.set("StateMachine", execution.contextStateMachine());
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        return context;
    }

    DataScope scope(JsonNode data) {
        return new DataScope(data, context(), branch.variables);
    }

    /**
     * Gives this attempt a task token ({@code $$.Task.Token}), for {@code .waitForTaskToken} resources:
     * the invoker hands it out and completes the task when the token comes back.
     */
    void issueTaskToken() {
        java.util.random.RandomGenerator random = branch.execution.random;
        taskToken = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    int retryCount() {
        return retryCount;
    }

    /** The input the state's own work sees, as its query language makes it. */
    JsonNode effectiveInput() {
        return language.effectiveInput(this);
    }

    /** The state's work produced {@code result}: output processing and Assign, then exit to {@code next} (null: end). */
    void succeed(JsonNode result, String next) {
        language.succeed(this, result, next);
    }

    /** For states with no result of their own (Choice, Wait, Succeed): the effective input goes on. */
    void passThrough(JsonNode effectiveInput, Processing rule, String next) {
        language.passThrough(this, effectiveInput, rule, next);
    }

    /** The error output a Catcher or a Map iteration sees: {@code {"Error": ..., "Cause": ...}}. */
    static ObjectNode errorOutput(StatesFailure failure) {
        ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
        errorOutput.put("Error", failure.error());
        if (failure.cause() != null) {
            errorOutput.put("Cause", failure.cause());
        }
        return errorOutput;
    }

    void exit(JsonNode output, Map<String, JsonNode> assigned, String next) {
        if (PayloadLimit.exceeded(output)) {
            throw new StatesFailure(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + state.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        // Assignments land together after every value is computed: a state reads the variables as they were.
        branch.variables.assign(assigned, state.name());
        branch.record(state.type() + "StateExited", "stateExitedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("name", state.name());
            details.put("output", Json.compact(output));
            details.set("outputDetails", Details.notTruncated());
            if (!assigned.isEmpty()) {
                ObjectNode variables = details.putObject("assignedVariables");
                assigned.forEach((name, value) -> variables.put(name, Json.compact(value)));
                details.putObject("assignedVariablesDetails").put("truncated", false);
            }
            return details;
        });
        branch.proceed(next, output);
    }

    /**
     * Ends the state with its own failure: Retry, then Catch, else the branch fails. A JSONata
     * evaluation failure is written as an EvaluationFailed event first; a Map or Parallel state that
     * gives up (no retry left) writes MapStateFailed / ParallelStateFailed, as AWS does.
     */
    void fail(StatesFailure failure) {
        if (!branch.isLive()) {
            return;
        }
        if (ErrorNames.QUERY_EVALUATION_ERROR.equals(failure.error())) {
            recordEvaluationFailed(failure);
        }
        handle(failure);
    }

    /**
     * Ends a Map or Parallel state with a failure that came out of one of its iterations or branches:
     * its EvaluationFailed event (if any) was written by the state that failed inside.
     */
    void failFromInside(StatesFailure failure) {
        if (branch.isLive()) {
            handle(failure);
        }
    }

    private void handle(StatesFailure failure) {
        ErrorHandling handling = errorHandling();
        if (isCatchable(failure)) {
            for (Retrier retrier : handling.retriers()) {
                if (ErrorEquals.takes(retrier.errorEquals(), failure.error())) {
                    int attempts = attemptsByRetrier.getOrDefault(retrier, 0);
                    if (attempts < retrier.maxAttempts()) {
                        attemptsByRetrier.put(retrier, attempts + 1);
                        retryCount++;
                        branch.execution.steps.schedule(retryDelay(retrier, attempts), this::attempt);
                        return;
                    }
                    break;
                }
            }
            recordStateFailed();
            for (Catcher catcher : handling.catchers()) {
                if (ErrorEquals.takes(catcher.errorEquals(), failure.error())) {
                    try {
                        caught(catcher, failure);
                    } catch (DataFlowException e) {
                        branch.finish(new Outcome.Failed(runtimeFailure(e.detail())));
                    } catch (StatesFailure e) {
                        // A failure while handling a caught failure is not caught again.
                        branch.finish(new Outcome.Failed(e));
                    }
                    return;
                }
            }
        }
        branch.finish(new Outcome.Failed(failure));
    }

    /**
     * AWS's EvaluationFailed event. It links to the event before the state's entered event, except in a
     * Wait state, where it links to the entered event (AWS records a Wait's entry before it evaluates
     * the time to wait).
     */
    private void recordEvaluationFailed(StatesFailure failure) {
        long previous = state instanceof WaitState ? enteredEventId : beforeEnteredEventId;
        branch.recordAfter(previous, "EvaluationFailed", "evaluationFailedEventDetails", () -> {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            if (failure.location() != null) {
                details.put("location", failure.location());
            }
            details.put("state", state.name());
            return details;
        });
    }

    /** MapStateFailed or ParallelStateFailed when such a state gives up (States.Runtime fails the execution at once). */
    private void recordStateFailed() {
        if (state instanceof MapState || state instanceof ParallelState) {
            branch.record(state.type() + "StateFailed", null, null);
        }
    }

    private void caught(Catcher catcher, StatesFailure failure) {
        language.caught(this, catcher, failure);
    }

    private ErrorHandling errorHandling() {
        if (state instanceof TaskState task) {
            return task.errorHandling();
        }
        if (state instanceof ParallelState parallel) {
            return parallel.errorHandling();
        }
        if (state instanceof MapState map) {
            return map.errorHandling();
        }
        return ErrorHandling.NONE;
    }

    /** AWS never retries nor catches States.Runtime: it always fails the execution. */
    private static boolean isCatchable(StatesFailure failure) {
        return !ErrorNames.RUNTIME.equals(failure.error());
    }


    /** IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, then FULL jitter if asked. */
    private Duration retryDelay(Retrier retrier, int attempt) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.fullJitter()) {
            seconds = branch.execution.random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
