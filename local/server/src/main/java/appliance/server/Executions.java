package appliance.server;

import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The execution actions (StartExecution, StartSyncExecution, DescribeExecution, StopExecution,
 * ListExecutions, GetExecutionHistory). Executions run on the engine's scheduler; StartExecution
 * returns once the execution's row is written. One writer thread commits finished executions' final
 * status and history in batches, so engine threads never wait for the database.
 */
final class Executions implements AutoCloseable {

    static final int MAX_INPUT_BYTES = 262_144;
    private static final List<String> STATUSES =
            List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
    /** AWS's limit for StartSyncExecution. */
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Map<String, LiveExecution> live = new ConcurrentHashMap<>();
    private final ExecutionDatabase database;
    private final StateMachines machines;
    private final Scheduler scheduler;
    private final MockConfig mockConfig;
    private final Clock clock;
    /** Ended executions waiting for the writer, which commits them in batches. */
    private final BlockingQueue<Ended> finishedQueue = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeFinished, "sfn-history-writer");
    private volatile boolean closing;
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

    private record Ended(LiveExecution execution, ExecutionResult result) {
    }

    Executions(ExecutionDatabase database, StateMachines machines, Scheduler scheduler, MockConfig mockConfig,
            Clock clock) {
        this.database = database;
        this.machines = machines;
        this.scheduler = scheduler;
        this.mockConfig = mockConfig;
        this.clock = clock;
        writer.setDaemon(true);
        writer.start();
    }

    ObjectNode start(Request request) {
        LiveExecution execution = begin(request, false);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("executionArn", execution.started.executionArn());
        response.put("startDate", EpochSeconds.of(execution.started.startDate()));
        return response;
    }

    ObjectNode startSync(Request request) {
        LiveExecution execution = begin(request, true);
        ExecutionRecord finished = await(execution.persisted, SYNC_LIMIT);
        ObjectNode response = ExecutionJson.described(finished);
        ObjectNode billing = response.putObject("billingDetails");
        billing.put("billedMemoryUsedInMB", 64);
        billing.put("billedDurationInMilliseconds",
                Math.max(100, Duration.between(finished.startDate(), finished.stopDate()).toMillis()));
        return response;
    }

    private LiveExecution begin(Request request, boolean sync) {
        String target = request.requiredString("stateMachineArn");
        String testCase = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            // Step Functions Local's convention: stateMachineArn#TestCase runs a mock test case.
            testCase = target.substring(hash + 1);
            target = target.substring(0, hash);
        }
        StateMachineRecord machine = machines.require(target);
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
        TaskInvoker tasks = testCase == null ? machine.tasks() : mockTasks(machine, testCase);
        String arn = Arns.execution(machine.name(), name, machine.express());

        ExecutionRecord started = new ExecutionRecord(arn, machine.arn(), name, "RUNNING", inputText, null, null, null,
                clock.instant(), null);
        LiveExecution claim = new LiveExecution(started, input);
        LiveExecution existing = live.putIfAbsent(arn, claim);
        if (existing != null) {
            // AWS: the same name and input while it runs returns that execution; anything else is a conflict.
            if (!sync && existing.running() && existing.input.equals(input)) {
                return existing;
            }
            throw ApiException.executionAlreadyExists(arn);
        }
        try {
            if (!database.insertStarted(started)) {
                throw ApiException.executionAlreadyExists(arn);
            }
        } catch (RuntimeException e) {
            live.remove(arn, claim);
            throw e;
        }
        ExecutionIdentity identity = new ExecutionIdentity(machine.arn(), machine.name(), arn, name,
                machine.roleArn());
        Execution running = new Engine(scheduler, tasks, new SplittableRandom())
                .start(machine.definition(), input, identity, fanOut);
        claim.attach(running);
        running.result().whenComplete((result, failure) -> finishedQueue.add(new Ended(claim, result)));
        return claim;
    }

    private TaskInvoker mockTasks(StateMachineRecord machine, String testCase) {
        if (mockConfig == null) {
            throw new ApiException("InvalidArn", "Invalid Arn: '" + machine.arn() + "#" + testCase + "': the test case "
                    + testCase + " needs a mock configuration; start the server with SFN_MOCK_CONFIG=FILE or --mock-config FILE");
        }
        try {
            // Partial mocks, as Step Functions Local: a state the test case does not mock calls its service.
            return new MockTaskInvoker(mockConfig, machine.name(), testCase, machine.tasks());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    /**
     * The writer thread: takes the executions that ended, as many as are waiting, and commits each
     * one's final row and whole history (in one transaction per batch), then takes them off the live map.
     */
    private void writeFinished() {
        List<Ended> batch = new ArrayList<>();
        while (!(closing && finishedQueue.isEmpty())) {
            try {
                Ended first = finishedQueue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                finishedQueue.drainTo(batch, 499);
                persist(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void persist(List<Ended> batch) {
        List<ExecutionDatabase.Finished> rows = new ArrayList<>(batch.size());
        for (Ended ended : batch) {
            var history = ended.execution().execution().history();
            rows.add(new ExecutionDatabase.Finished(ended.execution().finished(ended.result(), history),
                    history.stream().map(StoredEvent::of).toList()));
        }
        try {
            database.saveFinished(rows);
        } catch (RuntimeException e) {
            System.err.println("sfn server: could not save " + rows.size() + " finished executions: " + e.getMessage());
            batch.forEach(ended -> ended.execution().persisted.completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            LiveExecution execution = batch.get(i).execution();
            live.remove(execution.started.executionArn(), execution);
            execution.persisted.complete(rows.get(i).execution());
        }
    }

    void addListener(ExecutionListener listener) {
        listeners.add(listener);
    }

    ObjectNode describe(Request request) {
        return ExecutionJson.described(require(request.requiredString("executionArn")));
    }

    ObjectNode describeStateMachineFor(Request request) {
        return machines.describeFor(require(request.requiredString("executionArn")));
    }

    private ExecutionRecord require(String arn) {
        Arns.checkExecution(arn);
        LiveExecution execution = live.get(arn);
        if (execution != null) {
            return execution.snapshot();
        }
        return database.execution(arn).orElseThrow(() -> ApiException.executionDoesNotExist(arn));
    }

    ObjectNode stop(Request request) {
        String arn = request.requiredString("executionArn");
        String error = request.optionalString("error", 256);
        String cause = request.optionalString("cause", 32_768);
        Arns.checkExecution(arn);
        LiveExecution execution = live.get(arn);
        ExecutionRecord stopped;
        if (execution != null && execution.execution() != null) {
            execution.execution().stop(error, cause);
            stopped = await(execution.persisted, STOP_WAIT);
        } else {
            stopped = require(arn);
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stopDate", EpochSeconds.of(stopped.stopDate() == null ? clock.instant() : stopped.stopDate()));
        return response;
    }

    ObjectNode list(Request request) {
        String machineArn = request.requiredString("stateMachineArn");
        machines.require(machineArn);
        String status = request.optionalEnum("statusFilter", STATUSES);
        int max = request.maxResults();
        String scope = "ListExecutions:" + machineArn + ":" + status;
        long before = PageToken.decode(scope, request.optionalString("nextToken"));
        List<ExecutionDatabase.Listed> rows = database.executions(machineArn, status, before, max);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("executions");
        for (int i = 0; i < Math.min(max, rows.size()); i++) {
            ExecutionRecord row = rows.get(i).record();
            LiveExecution current = live.get(row.executionArn());
            // A row still RUNNING in the database may have ended in memory a moment ago.
            items.add(ExecutionJson.listItem(current == null ? row : current.snapshot()));
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
        require(arn);
        LiveExecution execution = live.get(arn);
        List<StoredEvent> events = execution != null ? execution.history() : database.history(arn);
        if (reverse) {
            events = new ArrayList<>(events);
            Collections.reverse(events);
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("events");
        int end = (int) Math.min(events.size(), from + max);
        for (int i = (int) Math.min(from, events.size()); i < end; i++) {
            items.add(events.get(i).toJson(includeData));
        }
        if (end < events.size()) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    /** Completes when the execution's final status and history are in the database. */
    CompletableFuture<ExecutionRecord> persisted(String executionArn) {
        LiveExecution execution = live.get(executionArn);
        if (execution != null) {
            return execution.persisted;
        }
        return database.execution(executionArn)
                .filter(row -> !"RUNNING".equals(row.status()))
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(ApiException.executionDoesNotExist(executionArn)));
    }

    /**
     * Executions a previous server left RUNNING (it ended without seeing them through): marked ABORTED,
     * as AWS reports executions it could not finish, with a history of their start and the abort.
     */
    void abortLeftovers() {
        Instant now = clock.instant();
        for (ExecutionRecord row : database.running()) {
            String error = "States.Runtime";
            String cause = "The local Step Functions server stopped while this execution was running";
            ObjectNode startedDetails = JsonNodeFactory.instance.objectNode();
            startedDetails.put("input", row.input());
            startedDetails.putObject("inputDetails").put("truncated", false);
            startedDetails.put("roleArn", "arn:aws:iam::123456789012:role/StepFunctionsLocalRole");
            ObjectNode abortedDetails = JsonNodeFactory.instance.objectNode();
            abortedDetails.put("error", error);
            abortedDetails.put("cause", cause);
            List<StoredEvent> history = List.of(
                    new StoredEvent(1, 0, row.startDate(), "ExecutionStarted", "executionStartedEventDetails",
                            startedDetails),
                    new StoredEvent(2, 1, now, "ExecutionAborted", "executionAbortedEventDetails", abortedDetails));
            database.saveFinished(row.finished("ABORTED", null, error, cause, now), history);
        }
    }

    /** Stops what still runs (each ends ABORTED with its history saved), then lets the writer finish. */
    @Override
    public void close() {
        List<CompletableFuture<ExecutionRecord>> pending = new ArrayList<>();
        for (LiveExecution execution : live.values()) {
            if (execution.execution() != null) {
                execution.execution().stop("States.Runtime",
                        "The local Step Functions server stopped while this execution was running");
            }
            pending.add(execution.persisted);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // What is left stays RUNNING in the database and is marked ABORTED at the next start.
        }
        closing = true;
        try {
            writer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutionRecord await(CompletableFuture<ExecutionRecord> future, Duration limit) {
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

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

}
