package appliance.engine.run;

import appliance.engine.definition.Json;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.maprun.MapRunLauncher;
import appliance.engine.maprun.ObjectStore;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.Scheduler;
import appliance.engine.time.SerialExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** One execution in flight: its history, its top-level branch, its end. All of it runs on {@link #steps}. */
final class ExecutionRun implements Execution, EventLog {

    /** AWS's limit on events in one execution's history. */
    static final int HISTORY_LIMIT = 25_000;

    final StateMachineDefinition definition;
    final JsonNode input;
    final Scheduler scheduler;
    final SerialExecutor steps;
    final TaskInvoker tasks;
    final RandomGenerator random;
    private final ExecutionIdentity identity;
    private final ExecutionListener listener;
    private final List<HistoryEvent> events = new ArrayList<>();
    /** False when the listener keeps the history (a store): the events then go to it and are not held here. */
    private final boolean keepHistory;
    private long eventCount;
    private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    private Instant startTime;
    /** The parts of the context object that stay the same for the whole execution (never changed once made). */
    private ObjectNode contextExecution;
    private ObjectNode contextStateMachine;
    private Scheduler.Cancellable timeout;
    /** Where DISTRIBUTED Maps run their children and read and write S3 objects. */
    MapRunLauncher mapRuns;
    ObjectStore objects = ObjectStore.NONE;
    /** What must happen when the execution ends however it ends (a Map Run still going is aborted). */
    private final List<Runnable> onEnd = new ArrayList<>();
    private boolean finished;

    ExecutionRun(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity, Scheduler scheduler,
            TaskInvoker tasks, RandomGenerator random, ExecutionListener listener) {
        this(definition, input, identity, scheduler, tasks, random, listener, true);
    }

    ExecutionRun(StateMachineDefinition definition, JsonNode input, ExecutionIdentity identity, Scheduler scheduler,
            TaskInvoker tasks, RandomGenerator random, ExecutionListener listener, boolean keepHistory) {
        this.keepHistory = keepHistory;
        this.definition = definition;
        this.input = input;
        this.identity = identity;
        this.scheduler = scheduler;
        this.steps = new SerialExecutor(scheduler, this::unexpected);
        this.tasks = tasks;
        this.random = random;
        this.listener = listener;
    }

    void distributed(MapRunLauncher launcher, ObjectStore store) {
        this.mapRuns = launcher;
        this.objects = store;
    }

    void start() {
        steps.execute(() -> {
            startTime = scheduler.now();
            contextExecution = JsonNodeFactory.instance.objectNode();
            contextExecution.put("Id", identity.executionArn());
            contextExecution.set("Input", input);
            contextExecution.put("StartTime", ContextTime.format(startTime));
            contextExecution.put("Name", identity.executionName());
            contextExecution.put("RoleArn", identity.roleArn());
            contextExecution.put("RedriveCount", 0);
            contextStateMachine = JsonNodeFactory.instance.objectNode();
            contextStateMachine.put("Id", identity.stateMachineArn());
            contextStateMachine.put("Name", identity.stateMachineName());
            record(0, "ExecutionStarted", "executionStartedEventDetails", () -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("input", Json.compact(input));
                details.set("inputDetails", Details.notTruncated());
                details.put("roleArn", identity.roleArn());
                return details;
            });
            if (definition.timeoutSeconds() != null) {
                timeout = steps.schedule(Duration.ofSeconds(definition.timeoutSeconds()), this::timeOut);
            }
            // At AWS the first state's entered event links to nothing (0), not to ExecutionStarted.
            BranchRun top = new BranchRun(this, null, this, definition, new VariableScope(null), 0, this::end);
            top.start(input);
        });
    }

    /** A step threw something that is not a States error: end the execution rather than leave it hanging. */
    private void unexpected(RuntimeException e) {
        end(new Outcome.Failed(new StatesFailure(ErrorNames.RUNTIME,
                "The local engine failed unexpectedly: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
    }

    Instant startTime() {
        return startTime;
    }

    /** {@code $$.Execution}: shared by every state's context object, so callers must not change it. */
    ObjectNode contextExecution() {
        return contextExecution;
    }

    /** {@code $$.StateMachine}: shared like {@link #contextExecution()}. */
    ObjectNode contextStateMachine() {
        return contextStateMachine;
    }

    boolean isFinished() {
        return finished;
    }

    /** Runs {@code action} (on the steps) when the execution ends: succeeds, fails, times out or is stopped. */
    void onEnd(Runnable action) {
        onEnd.add(action);
    }

    private void ended() {
        List<Runnable> actions = List.copyOf(onEnd);
        onEnd.clear();
        actions.forEach(Runnable::run);
    }

    /** Records an event in the execution's history after {@code previousEventId}; returns its id. */
    @Override
    public long record(long previousEventId, String type, String detailsName, Supplier<ObjectNode> details) {
        long id = eventCount + 1L;
        HistoryEvent event = new HistoryEvent(id, previousEventId, scheduler.now(), type, detailsName, details);
        keep(event);
        listener.onEvent(identity.executionArn(), event);
        if (eventCount >= HISTORY_LIMIT - 1 && !finished) {
            // The one event left is the execution's own end.
            end(new Outcome.Failed(new StatesFailure(ErrorNames.RUNTIME,
                    "The execution reached the maximum number of history events (" + HISTORY_LIMIT + ").")));
        }
        return id;
    }

    long lastEventId() {
        return eventCount;
    }

    private void keep(HistoryEvent event) {
        eventCount++;
        if (keepHistory) {
            synchronized (events) {
                events.add(event);
            }
        }
    }

    private void end(Outcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeout != null) {
            timeout.cancel();
        }
        ended();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (outcome instanceof Outcome.Succeeded succeeded) {
            recordFinal("ExecutionSucceeded", "executionSucceededEventDetails", () -> {
                details.put("output", Json.compact(succeeded.output()));
                details.set("outputDetails", Details.notTruncated());
                return details;
            });
            complete(ExecutionResult.succeeded(succeeded.output()));
        } else if (outcome instanceof Outcome.Failed failed) {
            StatesFailure failure = failed.failure();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            recordFinal("ExecutionFailed", "executionFailedEventDetails", () -> details);
            complete(ExecutionResult.failed(failure.error(), failure.cause()));
        }
    }

    private void timeOut() {
        if (finished) {
            return;
        }
        finished = true;
        ended();
        recordFinal("ExecutionTimedOut", "executionTimedOutEventDetails", JsonNodeFactory.instance::objectNode);
        complete(new ExecutionResult(ExecutionStatus.TIMED_OUT, null, null, null));
    }

    @Override
    public void stop(String error, String cause) {
        steps.execute(() -> {
            if (finished) {
                return;
            }
            finished = true;
            if (timeout != null) {
                timeout.cancel();
            }
            ended();
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            Details.putErrorAndCause(details, error, cause);
            recordFinal("ExecutionAborted", "executionAbortedEventDetails", () -> details);
            complete(new ExecutionResult(ExecutionStatus.ABORTED, null, error, cause));
        });
    }

    private void recordFinal(String type, String detailsName, Supplier<ObjectNode> details) {
        long id = eventCount + 1L;
        HistoryEvent event = new HistoryEvent(id, eventCount, scheduler.now(), type, detailsName, details);
        keep(event);
        listener.onEvent(identity.executionArn(), event);
    }

    private void complete(ExecutionResult executionResult) {
        listener.onFinished(identity.executionArn(), executionResult);
        result.complete(executionResult);
    }

    @Override
    public ExecutionIdentity identity() {
        return identity;
    }

    @Override
    public CompletionStage<ExecutionResult> result() {
        return result;
    }

    @Override
    public List<HistoryEvent> history() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
