package appliance.server;

import appliance.engine.maprun.ObjectStore;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.RealTimeScheduler;
import appliance.engine.history.ExecutionListener;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The Step Functions API on a local port, over the local engine: the AWS CLI and SDKs work against it
 * with {@code --endpoint-url}. Executions run on the engine's real-time scheduler and are kept in the
 * database of {@link ServerOptions}. A browser at {@code /} gets the web debugger ({@link WebPages}),
 * which reads the API and the JSON of {@link DebugEndpoints} under {@code /debug/}.
 *
 * <pre>{@code
 * try (StepFunctionsServer server = StepFunctionsServer.start(options, tasks, Clock.systemUTC())) {
 *     server.registerStateMachine("MyMachine", definitionJson, lambdas);
 *     ...
 * }
 * }</pre>
 */
public final class StepFunctionsServer implements AutoCloseable {

    static {
        // The JDK server writes a response's headers and body as separate packets; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK (about 40 ms a request). Read when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** StartSyncExecution calls waiting at once, at most; more are refused with ThrottlingException. */
    static final int MAX_WAITING_SYNC_CALLS = 256;

    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final ExecutorService waitingThreads;
    private final RealTimeScheduler scheduler;
    private final ExecutionStore store;
    private final StateMachines machines;
    private final Executions executions;
    /** DISTRIBUTED Maps' Map Runs, and where their ItemReader and ResultWriter go (none until one is given). */
    private final MapRuns mapRuns;
    private volatile ObjectStore objectStore = ObjectStore.NONE;
    private final ProtocolDispatch services;
    private final TaskInvoker defaultTasks;
    private final ReadyGate ready = new ReadyGate();
    private final InFlightExchanges inFlight = new InFlightExchanges();
    private final Activities activities;
    private final Callbacks callbacks;
    private final NestedExecutions nested;
    private final VersionedMachines versioned;

    private StepFunctionsServer(ServerOptions options, HttpServer http, ExecutionStore store,
            RealTimeScheduler scheduler, StateMachines machines, Executions executions, TaskInvoker defaultTasks,
            Clock clock) {
        this.http = http;
        this.store = store;
        this.scheduler = scheduler;
        this.machines = machines;
        this.executions = executions;
        this.mapRuns = new MapRuns(store, executions, clock, machines.arns());
        executions.useEngineSetup(engine -> engine.withMapRuns(mapRuns).withObjectStore(objectStore));
        this.defaultTasks = defaultTasks;
        TaskTokens tokens = new TaskTokens();
        this.activities = new Activities(store, machines.arns(), tokens, clock);
        this.callbacks = new Callbacks(tokens, store::durable);
        this.nested = new NestedExecutions(executions, machines.arns());
        executions.addListener(tokens);
        executions.addListener(nested);
        executions.integrate(new ServerIntegrations(activities, callbacks, nested)::around);
        this.requestThreads = Executors.newFixedThreadPool(32, daemon("sfn-http"));
        // Callers of StartSyncExecution wait here, not on the request threads: every other action keeps answering.
        this.waitingThreads = new ThreadPoolExecutor(0, MAX_WAITING_SYNC_CALLS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("sfn-sync-wait"));
        HostCheck hosts = new HostCheck(options.host(), options.allowedHosts());
        // The web debugger's pages share "/" with the API (GET for pages, POST for actions); SNS and
        // EventBridge share it too (ProtocolDispatch tells the services apart).
        this.versioned = new VersionedMachines(store, machines, arn -> activities.find(arn) != null, clock);
        executions.resolveVersionsWith(versioned);
        activities.keepTagsIn(versioned.tags());
        AwsJsonHandler api = new AwsJsonHandler(
                actions(new TestStates(defaultTasks, clock, options.region(), options.account()), versioned),
                Set.of("StartSyncExecution", "GetActivityTask"), inFlight.counting(waitingThreads));
        this.services = new ProtocolDispatch(new WebPages(api));
        http.createContext("/", services).getFilters().addAll(List.of(inFlight, hosts, ready));
        http.createContext("/debug/", services.orElse(new DebugEndpoints(machines, executions, options.mockConfig(),
                options.samples(), mapRuns)))
                .getFilters().addAll(List.of(inFlight, hosts, ready));
        http.setExecutor(requestThreads);
        http.start();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts a server on its store; executions a previous server left running resume (unless the
     * options say the owner will call {@link #resumeExecutions()}).
     *
     * @param defaultTasks what Task states of machines created through the API call
     * @param clock the time executions see
     * @throws UncheckedIOException when the address cannot be bound, or the store cannot be opened (another
     *     server may be using it: the message says so in one line)
     */
    public static StepFunctionsServer start(ServerOptions options, TaskInvoker defaultTasks, Clock clock) {
        HttpServer http;
        try {
            // Bound first: a port in use fails before anything else is made.
            http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        ExecutionStore store = null;
        RealTimeScheduler scheduler = null;
        try {
            store = options.database() == null
                    ? ExecutionStore.openInMemory()
                    : ExecutionStore.openFolder(options.database());
            scheduler = new RealTimeScheduler(clock, Math.max(2, Runtime.getRuntime().availableProcessors()),
                    options.waitTimeScale());
            StateMachines machines = new StateMachines(store, new Arns(options.region(), options.account()), defaultTasks, clock);
            Executions executions = new Executions(store, machines, scheduler, options.mockConfig(), clock);
            StepFunctionsServer server = new StepFunctionsServer(options, http, store, scheduler, machines, executions,
                    defaultTasks, clock);
            if (options.resumeOnStart()) {
                server.resumeExecutions();
            }
            return server;
        } catch (RuntimeException e) {
            http.stop(0);
            if (scheduler != null) {
                scheduler.close();
            }
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /** DISTRIBUTED Maps' ItemReader and ResultWriter read and write S3 objects through {@code store} from now on. */
    public void useObjectStore(ObjectStore store) {
        this.objectStore = store;
    }

    /**
     * Takes up the executions a previous server left running (Standard ones resume from their history,
     * asynchronous Express ones run again from the start, synchronous Express ones end ABORTED), then
     * lets requests in: until then they wait, so none reaches a task its owner has not wired yet.
     *
     * @return how many resumed or restarted
     */
    public int resumeExecutions() {
        try {
            return executions.resumeLeftovers(defaultTasks);
        } finally {
            ready.open();
        }
    }

    private Map<String, Function<Request, ObjectNode>> actions(TestStates testStates, VersionedMachines versioned) {
        Map<String, Function<Request, ObjectNode>> actions = new LinkedHashMap<>();
        actions.put("CreateStateMachine", machines::create);
        actions.put("UpdateStateMachine", machines::update);
        actions.put("DescribeStateMachine", machines::describe);
        actions.put("ListStateMachines", machines::list);
        actions.put("DeleteStateMachine", machines::delete);
        actions.put("ValidateStateMachineDefinition", machines::validate);
        actions.put("StartExecution", executions::start);
        actions.put("StartSyncExecution", executions::startSync);
        actions.put("DescribeExecution", executions::describe);
        actions.put("DescribeStateMachineForExecution", executions::describeStateMachineFor);
        actions.put("StopExecution", executions::stop);
        actions.put("ListExecutions", executions::list);
        actions.put("GetExecutionHistory", executions::history);
        actions.put("TestState", testStates::test);
        actions.put("SendTaskSuccess", callbacks::sendTaskSuccess);
        actions.put("SendTaskFailure", callbacks::sendTaskFailure);
        actions.put("SendTaskHeartbeat", callbacks::sendTaskHeartbeat);
        actions.put("CreateActivity", activities::create);
        actions.put("DescribeActivity", activities::describe);
        actions.put("ListActivities", activities::list);
        actions.put("DeleteActivity", activities::delete);
        actions.put("GetActivityTask", activities::getActivityTask);
        // Versions, aliases and tags; Create/Update/Describe/DeleteStateMachine replaced by ones that know them.
        actions.putAll(versioned.actions());
        actions.put("RedriveExecution", executions::redrive);
        actions.put("DescribeMapRun", mapRuns::describe);
        actions.put("ListMapRuns", mapRuns::list);
        actions.put("UpdateMapRun", mapRuns::update);
        return actions;
    }

    /**
     * Registers (or replaces) a state machine whose Task states call {@code tasks}: the template's
     * machines, wired to the in-process functions.
     *
     * @param type {@code STANDARD} or {@code EXPRESS}
     * @return the state machine's ARN
     * @throws ApiException InvalidDefinition or InvalidName, with AWS's message
     */
    public String registerStateMachine(String name, String definition, String type, TaskInvoker tasks) {
        return machines.register(name, definition, type, tasks).arn();
    }

    /**
     * Publishes a version of the machine's current definition (or finds the one published of it) and
     * points the alias at it, creating the alias if needed: what SAM's {@code AutoPublishAlias} deploys.
     *
     * @return the alias's ARN
     * @throws ApiException as PublishStateMachineVersion and CreateStateMachineAlias answer
     */
    public String publishAlias(String stateMachineArn, String aliasName) {
        return versioned.publishAlias(stateMachineArn, aliasName);
    }

    /**
     * Starts an execution as StartExecution does (same checks, same errors), for callers in this JVM:
     * the runtime's SNS and EventBridge starters, so their executions are kept and listed here too.
     *
     * @param input the execution input as JSON text; null for {@code {}}
     * @param name the execution name; null for a generated one
     * @return the execution's ARN
     * @throws ApiException as StartExecution answers
     */
    public String startExecution(String stateMachineArn, String name, String input) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("stateMachineArn", stateMachineArn);
        if (name != null) {
            request.put("name", name);
        }
        if (input != null) {
            request.put("input", input);
        }
        return executions.start(new Request(request)).get("executionArn").asText();
    }

    /**
     * StartExecution hands the executions {@code starter} takes to it, after the server's own checks:
     * for an owner that runs its machines' executions itself ({@code run}, in virtual time).
     */
    public void startExecutionsWith(ExecutionStarter starter) {
        executions.startWith(starter);
    }

    /** SNS's API (query protocol) on this server's port, over {@code topics}: Publish, CreateTopic, ListTopics, ... */
    public void serveSns(SnsTopics topics) {
        services.register("sns", new SnsQueryHandler(topics));
    }

    /** EventBridge's PutEvents (AWS JSON 1.1) on this server's port, over {@code bus}. */
    public void serveEventBridge(EventBus bus) {
        services.register("events", new EventBridgeHandler(bus));
    }

    /**
     * S3's REST API (path style, {@code /BUCKET/KEY}) on this server's port, over the buckets in {@code folder}
     * (one sub-folder per bucket): the folder the Distributed Map's ItemReader and ResultWriter use.
     */
    public void serveS3(java.nio.file.Path folder) {
        services.register("s3", new S3RestHandler(new S3Buckets(folder)));
    }

    /**
     * Hears every execution's history events as they are recorded, and each result: for a live view.
     * Called on the engine's threads: return quickly.
     */
    public void addListener(ExecutionListener listener) {
        executions.addListener(listener);
    }

    /** How long GetActivityTask waits for a task: AWS's 60 s unless set (tests set a short one). */
    void activityPollLimit(java.time.Duration limit) {
        activities.pollLimit(limit);
    }

    /** The tags CreateActivity gave an activity (empty when there is none): for ListTagsForResource. */
    public Map<String, String> activityTags(String activityArn) {
        return activities.tags(activityArn);
    }

    /** The port the server listens on (the one chosen when the options asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The endpoint to give AWS clients ({@code --endpoint-url}). */
    public URI endpoint() {
        return URI.create("http://" + http.getAddress().getHostString() + ":" + port());
    }

    /**
     * Completes when the execution has ended and its final status and history are saved: the signal
     * tests and tools wait on instead of polling.
     */
    public CompletableFuture<String> finished(String executionArn) {
        return executions.persisted(executionArn).thenApply(ExecutionRecord::status);
    }

    /**
     * Stops listening and closes the store. Whatever the store holds is durable; executions still
     * running stay RUNNING there and resume at the next start (a synchronous Express one, whose caller
     * waits, ends ABORTED first).
     */
    @Override
    public void close() {
        // Executions first: a StartSyncExecution caller still waiting gets its answer, and the port closes
        // once the answers in flight are written (waiting for them at most 2 s).
        executions.close();
        nested.close();
        try {
            inFlight.awaitNone(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        requestThreads.shutdownNow();
        waitingThreads.shutdownNow();
        scheduler.close();
        store.close();
    }
}
