package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.maprun.MapRunChildren;
import appliance.engine.maprun.MapRunStart;
import appliance.engine.replay.Replay;
import appliance.engine.replay.TimerRestart;
import appliance.engine.run.Engine;
import appliance.engine.replay.ReplayDivergedException;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskScheduleFailure;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The execution actions (StartExecution, StartSyncExecution, DescribeExecution, StopExecution,
 * ListExecutions, GetExecutionHistory), write-ahead: StartExecution answers once the execution's start
 * is durable in the store; each history event is written as the engine makes it, and a task is called
 * only once everything before it is durable; an execution shows its end once that end is durable.
 * At a restart, Standard executions that were running resume from their history ({@link Replay}).
 */
final class Executions implements AutoCloseable {

    static final int MAX_INPUT_BYTES = 262_144;
    private static final List<String> STATUSES =
            List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
    /** AWS's limit for StartSyncExecution. */
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    static final String SYNC_LOST_CAUSE = "The local Step Functions server stopped during this synchronous execution;"
            + " a Synchronous Express execution runs at most once, so it is not run again";

    private final Map<String, LiveExecution> live = new ConcurrentHashMap<>();
    private final ExecutionStore store;
    private final StateMachines machines;
    private final Scheduler scheduler;
    private final MockConfig mockConfig;
    private final Clock clock;
    private final SplittableRandom seeds = new SplittableRandom();
    private volatile boolean closing;
    /** What every execution's engine gets: where its DISTRIBUTED Maps' Map Runs and S3 objects go. */
    private volatile UnaryOperator<Engine> engineSetup = UnaryOperator.identity();
    /** Runs StartExecution's executions of some machines instead of this server (null: none). */
    private volatile ExecutionStarter starter;
    /** The Task resources the server answers itself (callbacks, activities, nested executions), around a machine's tasks. */
    private volatile java.util.function.UnaryOperator<TaskInvoker> integrations = java.util.function.UnaryOperator.identity();
    /** Resolves version and alias ARNs (null: only machine ARNs start executions). */
    private volatile VersionedMachines versioned;
    /** The tasks executions a previous server left running resume with, when their machine has none of its own. */
    private volatile TaskInvoker leftoverTasks;
    /** Hear every execution's events as they happen (the web page's live view). */
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutionListener fanOut = new ExecutionListener() {
        @Override
        public void onEvent(String executionArn, HistoryEvent event) {
            listeners.forEach(listener -> listener.onEvent(executionArn, event));
        }

        @Override
        public void onFinished(String executionArn, ExecutionResult result) {
            listeners.forEach(listener -> listener.onFinished(executionArn, result));
        }
    };

    Executions(ExecutionStore store, StateMachines machines, Scheduler scheduler, MockConfig mockConfig, Clock clock) {
        this.store = store;
        this.machines = machines;
        this.scheduler = scheduler;
        this.mockConfig = mockConfig;
        this.clock = clock;
    }

    /** Lets StartExecution and ListExecutions take version and alias ARNs. */
    void resolveVersionsWith(VersionedMachines versionedMachines) {
        this.versioned = versionedMachines;
    }

    ObjectNode start(Request request) {
        Checked checked = check(request, false);
        ExecutionIdentity identity = identity(checked.machine(), checked.arn(), checked.name());
        ExecutionStarter elsewhere = starter;
        Instant startedElsewhere = elsewhere == null ? null : elsewhere.start(identity, checked.input(), checked.tasks());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (startedElsewhere != null) {
            response.put("executionArn", identity.executionArn());
            response.put("startDate", EpochSeconds.of(startedElsewhere));
            return response;
        }
        LiveExecution execution = begin(checked, false);
        response.put("executionArn", execution.stored.executionArn);
        response.put("startDate", EpochSeconds.of(execution.stored.startDate));
        return response;
    }

    /** StartExecution hands the executions {@code elsewhere} takes to it, once it has checked the request. */
    void startWith(ExecutionStarter elsewhere) {
        this.starter = elsewhere;
    }

    ObjectNode startSync(Request request) {
        LiveExecution execution = begin(check(request, true), true);
        ExecutionRecord finished = await(execution.persisted, SYNC_LIMIT);
        ObjectNode response = ExecutionJson.described(finished);
        if ("ABORTED".equals(finished.status())) {
            // StartSyncExecution's status is SUCCEEDED, FAILED or TIMED_OUT: an execution stopped under it failed.
            response.put("status", "FAILED");
        }
        ObjectNode billing = response.putObject("billingDetails");
        billing.put("billedMemoryUsedInMB", 64);
        billing.put("billedDurationInMilliseconds",
                Math.max(100, Duration.between(finished.startDate(), finished.stopDate()).toMillis()));
        return response;
    }

    /** A start request as checked: what StartExecution would run, and under which ARN. */
    private record Checked(StartTarget resolved, StateMachineRecord machine, String name, String inputText, JsonNode input,
            String testCase, TaskInvoker tasks, String arn) {
    }

    /** StartExecution's and StartSyncExecution's checks, with AWS's errors. */
    private Checked check(Request request, boolean sync) {
        String target = request.requiredString("stateMachineArn");
        String testCase = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            // Step Functions Local's convention: stateMachineArn#TestCase runs a mock test case.
            testCase = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        StartTarget resolved = versioned == null ? new StartTarget(machines.require(target), null, null)
                : versioned.resolve(target);
        StateMachineRecord machine = resolved.machine();
        if (sync && !machine.express()) {
            throw new ApiException("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine");
        }
        String name = request.optionalString("name");
        if (name == null) {
            name = UUID.randomUUID().toString();
        }
        Names.check(name, "name");
        String inputText = request.optionalString("input");
        inputText = inputText == null ? "{}" : inputText;
        if (inputText.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw ApiException.constraint(abbreviate(inputText), "input",
                    "Member must have length less than or equal to " + MAX_INPUT_BYTES);
        }
        JsonNode input = JsonText.parse(inputText, "InvalidExecutionInput", "Invalid State Machine Execution Input: '");
        TaskInvoker tasks = testCase == null ? integrations.apply(machine.tasks()) : mockTasks(machine, testCase);
        String arn = machines.arns().execution(machine.name(), name, machine.express());
        return new Checked(resolved, machine, name, inputText, input, testCase, tasks, arn);
    }

    private LiveExecution begin(Checked checked, boolean sync) {
        StartTarget resolved = checked.resolved();
        StateMachineRecord machine = checked.machine();
        String name = checked.name();
        String inputText = checked.inputText();
        JsonNode input = checked.input();
        String testCase = checked.testCase();
        TaskInvoker tasks = checked.tasks();
        String arn = checked.arn();
        if (closing) {
            throw new ApiException("ServiceUnavailable", "The local Step Functions server is stopping");
        }

        ExecutionRecord row = new ExecutionRecord(arn, machine.arn(), name, "RUNNING", inputText, null, null, null,
                clock.instant(), null);
        long seed = seeds.split().nextLong();
        LiveExecution claim;
        synchronized (this) {
            LiveExecution existing = live.get(arn);
            if (existing != null) {
                // AWS: the same name and input while it runs returns that execution; anything else is a conflict.
                if (!sync && existing.running() && existing.input.equals(input)) {
                    claim = existing;
                } else {
                    throw ApiException.executionAlreadyExists(arn);
                }
            } else {
                claim = null;
            }
        }
        if (claim != null) {
            await(store.durable(), STOP_WAIT);
            return claim;
        }
        synchronized (this) {
            StoredExecution stored = store.started(row, machine.definitionText(), seed, testCase, sync,
                    resolved.versionArn(), resolved.aliasArn());
            if (stored == null) {
                throw ApiException.executionAlreadyExists(arn);
            }
            claim = new LiveExecution(stored, input, sync);
            live.put(arn, claim);
        }
        // Write-ahead: the answer, and the execution's first step, wait until the start is on disk.
        await(store.durable(), STOP_WAIT);
        Execution running = Replay.start(machine.definition(), input, identity(machine, arn, name), scheduler,
                durable(tasks), new SplittableRandom(seed), journalListener(claim), engineSetup);
        claim.attach(running);
        return claim;
    }

    /** Every execution's engine from now on goes through {@code setup} (the server's Map Runs and S3 store). */
    void useEngineSetup(UnaryOperator<Engine> setup) {
        this.engineSetup = setup;
    }

    /**
     * Starts a child execution of a Map Run as an execution of this server: stored, listed and described
     * like any other (its state machine ARN is the parent's, with the Map Run's label after a slash),
     * its history written ahead. The returned execution's result completes once its end is durable.
     */
    Execution startChild(MapRunStart start, ExecutionIdentity identity, JsonNode input, int items) {
        StateMachineRecord machine = machines.find(start.parent().stateMachineArn());
        if (machine == null) {
            throw new IllegalStateException("The state machine " + start.parent().stateMachineArn()
                    + " of this Map Run was deleted");
        }
        ExecutionRecord row = new ExecutionRecord(identity.executionArn(),
                start.parent().stateMachineArn() + "/" + start.label(), identity.executionName(), "RUNNING",
                Json.compact(input), null, null, null, clock.instant(), null);
        long seed = seeds.split().nextLong();
        LiveExecution claim;
        synchronized (this) {
            StoredExecution stored = store.startedChild(row, start.processorText(), seed, start.mapRunArn(), items);
            if (stored == null) {
                throw new IllegalStateException("A child execution " + identity.executionArn() + " already exists");
            }
            claim = new LiveExecution(stored, input, false);
            live.put(identity.executionArn(), claim);
        }
        Execution running = Replay.start(start.processor(), input, identity, scheduler,
                durable(integrations.apply(machine.tasks())),
                new SplittableRandom(seed), journalListener(claim), engineSetup);
        claim.attach(running);
        return new DurableChild(running, claim.persisted);
    }

    /**
     * Takes up a child a Map Run started before this server restarted, for its parent's replay (which
     * opens the same Map Run again and starts its children in the same order): the child is not started
     * again; one that ended answers with the end the store kept, one still running is awaited (resumed
     * here if the restart has not yet taken it up). The result completes once the child's end is durable.
     *
     * @throws IllegalStateException when the replay gives the child other input than it was started with
     *     (the parent's definition or input no longer make the recorded Map Run), rather than run it twice
     */
    synchronized Execution reattachChild(MapRunStart start, StoredExecution stored, JsonNode input) {
        JsonNode recorded = JsonText.parse(store.input(stored), "InvalidExecutionInput", "");
        if (!recorded.equals(input)) {
            throw new IllegalStateException("The Map Run " + start.mapRunArn() + " cannot be taken up after the"
                    + " restart: its child " + stored.executionArn + " was started with other input than the"
                    + " replayed parent gives it");
        }
        LiveExecution running = live.get(stored.executionArn);
        ExecutionRecord row = stored.listed();
        if (running == null && "RUNNING".equals(row.status())) {
            resume(stored, leftoverTasks);
            running = live.get(stored.executionArn);
            row = stored.listed();
        }
        if (running != null) {
            return new DurableChild(running.execution(), running.persisted);
        }
        row = store.record(stored);
        JsonNode output = row.output() == null ? null : JsonText.parse(row.output(), "InvalidExecutionInput", "");
        return new EndedChild(MapRunChildren.identity(start, stored.name), new ExecutionResult(
                appliance.engine.run.ExecutionStatus.valueOf(row.status()), output, row.error(), row.cause()));
    }

    /** A task is called only once every event before it is on disk (the flusher's thread never calls it). */
    private TaskInvoker durable(TaskInvoker tasks) {
        return new TaskInvoker() {
            @Override
            public CompletionStage<JsonNode> invoke(TaskRequest request) {
                return store.durable().thenComposeAsync(done -> tasks.invoke(request), scheduler::execute);
            }

            @Override
            public TaskScheduleFailure refusal(TaskRequest request) {
                // Calls nothing, so it need not wait for the events before it (ActivityScheduleFailed).
                return tasks.refusal(request);
            }
        };
    }

    /** Sets what answers the resources the server itself serves, before any execution starts. */
    void integrate(java.util.function.UnaryOperator<TaskInvoker> around) {
        this.integrations = around;
    }

    private ExecutionListener journalListener(LiveExecution execution) {
        ExecutionListener journal = new ExecutionJournalListener(store, execution.stored, fanOut, () -> closing,
                (result, stop) -> end(execution, result, stop));
        List<RedriveSegment> redrives = execution.stored.redrives();
        return redrives.isEmpty() ? journal : new RedrivenNumbering(redrives.get(redrives.size() - 1), journal);
    }

    /**
     * RedriveExecution: writes the ExecutionRedriven event and the redrive, then takes the execution up
     * as a restart does, from its history up to the failed step ({@link Redrives}).
     *
     * @throws ApiException ExecutionNotRedrivable with AWS's reason
     */
    ObjectNode redrive(Request request) {
        String arn = request.requiredString("executionArn");
        String clientToken = request.optionalString("clientToken", 64);
        StoredExecution stored = requireStored(arn);
        StateMachineRecord machine = machines.find(stored.stateMachineArn);
        Instant now = clock.instant();
        synchronized (this) {
            List<RedriveSegment> done = stored.redrives();
            if (clientToken != null && !done.isEmpty() && clientToken.equals(done.get(done.size() - 1).clientToken())) {
                // AWS: the same request again (an SDK's retry) answers as the redrive it made did.
                return JsonNodeFactory.instance.objectNode().put("redriveDate",
                        EpochSeconds.of(done.get(done.size() - 1).date()));
            }
            String reason = live.containsKey(arn) ? "Execution is RUNNING and cannot be redriven."
                    : Redrives.notRedrivableReason(stored, machine != null, now);
            if (reason != null) {
                throw new ApiException("ExecutionNotRedrivable", "Execution '" + arn + "' cannot be redriven: " + reason);
            }
            java.util.List<HistoryEvent> made = new ArrayList<>();
            store.replay(stored).forEachRemaining(made::add);
            int count = stored.eventCount();
            int redriveCount = stored.redriveCount() + 1;
            ObjectNode details = JsonNodeFactory.instance.objectNode().put("redriveCount", redriveCount);
            store.event(stored, new HistoryEvent(count + 1L, count, now, "ExecutionRedriven",
                    "executionRedrivenEventDetails", () -> details));
            long cut = Redrives.cut(made);
            store.redriven(stored, new RedriveSegment(count + 1L, cut, count + 1L - cut, redriveCount, now, clientToken));
            await(store.durable(), STOP_WAIT);
            try {
                resume(stored, machine.tasks());
            } catch (RuntimeException e) {
                endUnresumable(stored, "States.Runtime", "The execution could not be redriven: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return JsonNodeFactory.instance.objectNode().put("redriveDate", EpochSeconds.of(now));
    }

    /** Writes the end; the execution shows it, and leaves the live map, once it is durable. */
    private void end(LiveExecution execution, ExecutionResult result, Instant stop) {
        Instant stopDate = stop != null ? stop : lastEventTime(execution.stored);
        store.ended(execution.stored, result.status().name(),
                result.output() == null ? null : Json.compact(result.output()), result.error(), result.cause(), stopDate)
                .whenComplete((row, failure) -> {
                    live.remove(execution.stored.executionArn, execution);
                    if (failure != null) {
                        execution.persisted.completeExceptionally(failure);
                    } else {
                        execution.persisted.complete(row);
                    }
                });
    }

    private Instant lastEventTime(StoredExecution stored) {
        int count = stored.eventCount();
        return count == 0 ? clock.instant() : store.history(stored, count - 1, count).get(0).timestamp();
    }

    private static ExecutionIdentity identity(StateMachineRecord machine, String arn, String name) {
        return new ExecutionIdentity(machine.arn(), machine.name(), arn, name, machine.roleArn());
    }

    private TaskInvoker mockTasks(StateMachineRecord machine, String testCase) {
        if (mockConfig == null) {
            throw new ApiException("InvalidArn", "Invalid Arn: '" + machine.arn() + "#" + testCase + "': the test case "
                    + testCase + " needs a mock configuration; start the server with SFN_MOCK_CONFIG=FILE or --mock-config FILE");
        }
        try {
            // Partial mocks, as Step Functions Local: a state the test case does not mock calls its service.
            // A mocked state answers with its mock (a callback one too, as Step Functions Local's do).
            return new MockTaskInvoker(mockConfig, machine.name(), testCase, integrations.apply(machine.tasks()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    void addListener(ExecutionListener listener) {
        listeners.add(listener);
    }

    ObjectNode describe(Request request) {
        StoredExecution stored = requireStored(request.requiredString("executionArn"));
        ObjectNode described = ExecutionJson.startedBy(ExecutionJson.described(store.record(stored)), stored);
        ExecutionJson.redrive(described, stored);
        if (!stored.executionArn.contains(":express:")) {
            String reason = live.containsKey(stored.executionArn) ? "Execution is RUNNING and cannot be redriven."
                    : Redrives.notRedrivableReason(stored, machines.find(stored.stateMachineArn) != null, clock.instant());
            described.put("redriveStatus", reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
            if (reason != null) {
                described.put("redriveStatusReason", reason);
            }
        }
        String mapRunArn = store.mapRuns().mapRunOf(stored.executionArn);
        if (mapRunArn != null) {
            described.put("mapRunArn", mapRunArn);
        }
        return described;
    }

    ObjectNode describeStateMachineFor(Request request) {
        StoredExecution stored = requireStored(request.requiredString("executionArn"));
        String mapRunArn = store.mapRuns().mapRunOf(stored.executionArn);
        if (mapRunArn != null) {
            return machines.describeForChild(store.record(stored), store.definitionText(stored), mapRunArn);
        }
        return ExecutionJson.startedBy(machines.describeFor(store.record(stored), store.definitionText(stored)), stored);
    }

    private ExecutionRecord require(String arn) {
        return store.record(requireStored(arn));
    }

    private StoredExecution requireStored(String arn) {
        machines.arns().checkExecution(arn);
        return store.find(arn).orElseThrow(() -> ApiException.executionDoesNotExist(arn));
    }

    ObjectNode stop(Request request) {
        String arn = request.requiredString("executionArn");
        String error = request.optionalString("error", 256);
        String cause = request.optionalString("cause", 32_768);
        StoredExecution stored = requireStored(arn);
        LiveExecution execution = live.get(arn);
        Instant stopDate;
        if (execution != null && execution.execution() != null) {
            execution.execution().stop(error, cause);
            stopDate = await(execution.persisted, STOP_WAIT).stopDate();
        } else {
            stopDate = stored.stopDate();
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stopDate", EpochSeconds.of(stopDate == null ? clock.instant() : stopDate));
        return response;
    }

    ObjectNode list(Request request) {
        if (request.optionalString("mapRunArn") != null) {
            return MapRuns.listChildren(request, store);
        }
        String listedArn = request.requiredString("stateMachineArn");
        String machineArn = versioned == null ? listedArn : machines.arns().qualified(listedArn).machineArn();
        machines.require(machineArn);
        java.util.function.Predicate<StoredExecution> startedBy =
                versioned == null ? execution -> true : versioned.startedBy(listedArn);
        String status = request.optionalEnum("statusFilter", STATUSES);
        String redriveFilter = request.optionalEnum("redriveFilter", List.of("REDRIVEN", "NOT_REDRIVEN"));
        if (redriveFilter != null) {
            boolean redriven = "REDRIVEN".equals(redriveFilter);
            startedBy = startedBy.and(execution -> (execution.redriveCount() > 0) == redriven);
        }
        int max = request.maxResults();
        String scope = "ListExecutions:" + listedArn + ":" + status + ":" + redriveFilter;
        long before = PageToken.decode(scope, request.optionalString("nextToken"));
        List<ExecutionStore.Listed> rows = store.executions(machineArn, status, startedBy, before, max);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("executions");
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            items.add(ExecutionJson.redrive(ExecutionJson.startedBy(ExecutionJson.listItem(rows.get(i).record()),
                    rows.get(i).stored()), rows.get(i).stored()));
        }
        if (rows.size() > max) {
            response.put("nextToken", PageToken.encode(scope, rows.get(max - 1).position()));
        }
        return response;
    }

    ObjectNode history(Request request) {
        String arn = request.requiredString("executionArn");
        int max = request.maxResults();
        boolean reverse = request.optionalBoolean("reverseOrder", false);
        boolean includeData = request.optionalBoolean("includeExecutionData", true);
        String scope = "GetExecutionHistory:" + arn + ":" + reverse;
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        StoredExecution stored = requireStored(arn);
        int count = stored.eventCount();
        int start = (int) Math.min(from, count);
        int end = (int) Math.min(count, from + max);
        List<StoredEvent> events = reverse
                ? reversed(store.history(stored, count - end, count - start))
                : store.history(stored, start, end);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("events");
        events.forEach(event -> items.add(event.toJson(includeData)));
        if (end < count) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    /** Completes when the execution's end is durable. */
    CompletableFuture<ExecutionRecord> persisted(String executionArn) {
        LiveExecution execution = live.get(executionArn);
        if (execution != null) {
            return execution.persisted;
        }
        return store.find(executionArn)
                .filter(stored -> !stored.running())
                .map(stored -> CompletableFuture.completedFuture(store.record(stored)))
                .orElseGet(() -> CompletableFuture.failedFuture(ApiException.executionDoesNotExist(executionArn)));
    }

    /**
     * Takes up the executions a previous server left running. A Standard execution resumes from its
     * history and ends as it would have; an asynchronous Express execution runs again from its start
     * (AWS runs those at least once); a synchronous Express one is not run again (at most once) and ends
     * ABORTED.
     *
     * @return how many resumed
     */
    int resumeLeftovers(TaskInvoker defaultTasks) {
        int resumed = 0;
        leftoverTasks = defaultTasks;
        for (StoredExecution stored : store.running()) {
            // A resumed parent takes up its Map Run's children itself (reattachChild): one at a time.
            synchronized (this) {
                if (live.containsKey(stored.executionArn) || !"RUNNING".equals(stored.listed().status())) {
                    continue;
                }
                try {
                    if (resume(stored, defaultTasks)) {
                        resumed++;
                    }
                } catch (RuntimeException e) {
                    endUnresumable(stored, "States.Runtime", "The execution could not be resumed after the local"
                            + " server restarted: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                                    : e.getMessage()));
                }
            }
        }
        return resumed;
    }

    private boolean resume(StoredExecution stored, TaskInvoker defaultTasks) {
        if (stored.sync) {
            endUnresumable(stored, "States.Runtime", SYNC_LOST_CAUSE);
            return false;
        }
        // A Map Run's child is listed as MACHINE/LABEL; it runs with its parent's machine's tasks and names.
        boolean child = store.mapRuns().mapRunOf(stored.executionArn) != null;
        StateMachineRecord machine = machines.find(child
                ? stored.stateMachineArn.substring(0, stored.stateMachineArn.lastIndexOf('/'))
                : stored.stateMachineArn);
        StateMachineDefinition definition = StateMachines.compile(store.definitionText(stored));
        String name = stored.name;
        ExecutionIdentity identity = machine != null
                ? identity(machine, stored.executionArn, name)
                : new ExecutionIdentity(stored.stateMachineArn, machines.arns().stateMachineName(stored.stateMachineArn),
                        stored.executionArn, name, machines.arns().defaultRole());
        TaskInvoker tasks = stored.testCase != null && machine != null ? mockTasks(machine, stored.testCase)
                : integrations.apply(machine != null ? machine.tasks() : defaultTasks);
        JsonNode input = JsonText.parse(store.input(stored), "InvalidExecutionInput", "");
        LiveExecution execution = new LiveExecution(stored, input, false);
        live.put(stored.executionArn, execution);
        Execution running;
        if (stored.executionArn.contains(":express:")) {
            store.restarted(stored);
            running = Replay.start(definition, input, identity, scheduler, durable(tasks),
                    new SplittableRandom(stored.seed), journalListener(execution), engineSetup);
        } else {
            try {
                // A redriven run's timers start from its redrive, not from the first run's clock.
                List<TimerRestart> redrives = stored.redrives().stream()
                        .map(redrive -> new TimerRestart(redrive.cut(), redrive.date())).toList();
                running = Replay.resume(definition, input, identity, store.replay(stored), scheduler, durable(tasks),
                        new SplittableRandom(stored.seed), journalListener(execution), engineSetup, redrives);
            } catch (ReplayDivergedException e) {
                live.remove(stored.executionArn, execution);
                throw e;
            }
        }
        execution.attach(running);
        return true;
    }

    /** Ends an execution that cannot go on, with a last history event saying why. */
    private void endUnresumable(StoredExecution stored, String error, String cause) {
        Instant now = clock.instant();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("error", error);
        details.put("cause", cause);
        int count = stored.eventCount();
        boolean sync = stored.sync;
        String type = sync ? "ExecutionAborted" : "ExecutionFailed";
        store.event(stored, new HistoryEvent(count + 1L, count, now, type,
                sync ? "executionAbortedEventDetails" : "executionFailedEventDetails", () -> details));
        await(store.ended(stored, sync ? "ABORTED" : "FAILED", null, error, cause, now), STOP_WAIT);
    }

    /**
     * A clean stop: nothing more is written, and what runs is left as the store has it, to resume at the
     * next start; a synchronous Express execution (whose caller is waiting) ends ABORTED first.
     */
    @Override
    public void close() {
        List<CompletableFuture<ExecutionRecord>> pending = new ArrayList<>();
        for (LiveExecution execution : live.values()) {
            if (execution.sync && execution.execution() != null) {
                execution.execution().stop("States.Runtime", SYNC_LOST_CAUSE);
                pending.add(execution.persisted);
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // What is left is ended at the next start.
        }
        closing = true;
    }

    private static <T> T await(CompletableFuture<T> future, Duration limit) {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("InternalFailure", "Interrupted while waiting for the execution");
        } catch (TimeoutException e) {
            throw new ApiException("InternalFailure", "The execution did not end within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ApiException("InternalFailure", "The execution could not be saved: " + e.getCause().getMessage());
        }
    }

    private static List<StoredEvent> reversed(List<StoredEvent> events) {
        List<StoredEvent> copy = new ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
