package appliance.runtime.lambda;

import appliance.runtime.lambda.runtimeapi.NextInvocation;
import appliance.runtime.lambda.runtimeapi.OutputPump;
import appliance.runtime.lambda.runtimeapi.ProcessMemory;
import appliance.runtime.lambda.runtimeapi.RuntimeApiServer;
import appliance.runtime.lambda.runtimeapi.RuntimeClients;
import appliance.runtime.lambda.runtimeapi.RuntimeCommand;
import appliance.runtime.lambda.runtimeapi.RuntimeError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda execution environment as a process of its own, started as Lambda starts it (see {@link RuntimeCommand})
 * with Lambda's environment variables and nothing else of the host's, and driven through its own Lambda Runtime API.
 * The process starting and reaching {@code GET /invocation/next} is the init; each call is handed over on
 * {@code next} and ends with the runtime's response or error. What the platform owns is measured from outside the
 * process: its memory ({@code /proc}; over MemorySize it is killed: {@code Runtime.OutOfMemory}), and its exit during
 * a call ({@code Runtime.ExitError} with its status). A discarded environment's process is killed, children too.
 */
final class ProcessEnvironment implements ExecutionEnvironment, RuntimeApiServer.Environment {
    private static final long MEBIBYTE = 1L << 20;
    private static final ScheduledExecutorService MEMORY_WATCH = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lambda-memory-watch");
        thread.setDaemon(true);
        return thread;
    });
    private static final long MEMORY_WATCH_MILLIS = 10;
    /** Processes still running when the JVM ends (Ctrl-C on serve) are killed with it, not left behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ProcessEnvironment::kill),
                "lambda-process-reaper"));
    }

    private final LambdaFunctionConfig config;
    private final String executedVersion;
    private final LambdaRuntimeOptions options;
    private final LogDestination log;
    private final Object lock = new Object();
    private RuntimeApiServer api;
    private Process process;
    private OutputPump output;
    private ScheduledFuture<?> memoryWatch;
    private Invocation current;
    private boolean delivered;
    private boolean initDone;
    private long initStartNanos;
    private volatile boolean discarded;
    private volatile boolean overMemory;
    private volatile long peakResidentBytes;
    private volatile int lastMaxMemoryUsedMb = 1;
    private long memoryReadings;
    private List<ProcessHandle> watchedTree = List.of();

    ProcessEnvironment(LambdaFunctionConfig config, String executedVersion, LambdaRuntimeOptions options) {
        this.config = config;
        this.executedVersion = executedVersion;
        this.options = options;
        this.log = LogDestination.forNewEnvironment(config, executedVersion, options);
    }

    @Override
    public LogDestination log() {
        return log;
    }

    @Override
    public int lastMaxMemoryUsedMb() {
        return lastMaxMemoryUsedMb;
    }

    @Override
    public void submit(Invocation invocation) {
        synchronized (lock) {
            current = invocation;
            delivered = false;
            if (process == null) {
                start(invocation);
            } else {
                output.target(invocation.capture::writeOutput);
            }
            lock.notifyAll();
        }
    }

    /** The cold start: the Runtime API, then the runtime's process; the init lasts until it asks for a call. */
    private void start(Invocation invocation) {
        invocation.initStarting();
        initStartNanos = options.clock().nanoTime();
        initDone = false;
        overMemory = false;
        memoryReadings = 0;
        String who = "Lambda function " + config.logicalId();
        RuntimeCommand command;
        try {
            command = RuntimeCommand.of(who, config.runtime(), config.handler(), config.classpath(), config.memoryMb());
        } catch (IllegalArgumentException | IllegalStateException cannot) {
            throw new LambdaConfigurationException(cannot.getMessage());
        }
        Path taskRoot = config.classpath().get(0);
        api = RuntimeApiServer.start(this, config.functionName());
        ProcessBuilder builder = new ProcessBuilder(command.command())
                .directory(taskRoot.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(ReservedEnvironmentVariables.forProcess(config, executedVersion, log.logStreamName(),
                api.address(), taskRoot, RuntimeClients.folder(), command.binFolder()));
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new LambdaConfigurationException(who + ": cannot start " + command.command().get(0) + ": "
                    + e.getMessage());
        }
        Process started = process;
        RUNNING.add(started);
        output = new OutputPump(started.getInputStream(), started::isAlive, config.functionName());
        output.target(invocation.capture::writeOutput);
        started.onExit().thenRun(() -> exited(started));
        memoryWatch = MEMORY_WATCH.scheduleWithFixedDelay(() -> watchMemory(started), MEMORY_WATCH_MILLIS,
                MEMORY_WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public NextInvocation awaitNext() throws InterruptedException {
        Invocation invocation;
        synchronized (lock) {
            if (!initDone && current != null) {
                initDone = true;
                current.initFinished(options.clock().nanoTime() - initStartNanos);
            }
            initDone = true;
            while (!discarded && (current == null || delivered)) {
                lock.wait();
            }
            if (discarded) {
                return null;
            }
            delivered = true;
            invocation = current;
        }
        output.drain();
        invocation.capture.handlerStarted();
        LambdaClock clock = options.clock();
        invocation.handlerStarted(clock.nanoTime());
        long deadlineEpochMs = clock.now().toEpochMilli() + (invocation.deadlineNanos() - clock.nanoTime()) / 1_000_000;
        return new NextInvocation(invocation.requestId, invocation.request, deadlineEpochMs,
                invocation.invokedFunctionArn, traceId());
    }

    @Override
    public boolean isCurrent(String requestId) {
        synchronized (lock) {
            return current != null && delivered && current.requestId.equals(requestId);
        }
    }

    @Override
    public void responded(String requestId, byte[] body) {
        finish(requestId, body, null);
    }

    @Override
    public void failed(String requestId, RuntimeError error) {
        finish(requestId, null, new LambdaError(error.errorType(), error.errorMessage(), error.stackTrace(), null));
    }

    private void finish(String requestId, byte[] response, LambdaError error) {
        Invocation invocation;
        synchronized (lock) {
            if (current == null || !current.requestId.equals(requestId)) {
                return;
            }
            invocation = current;
            current = null;
        }
        output.drain();
        long end = options.clock().nanoTime();
        invocation.complete(new Invocation.Outcome(response, error, null, false, false, 0,
                invocation.handlerStartNanos(), end, maxMemoryUsedMb()));
    }

    @Override
    public boolean initFailed(RuntimeError error) {
        Invocation invocation;
        synchronized (lock) {
            if (delivered || current == null) {
                return false;
            }
            invocation = current;
            current = null;
            if (!initDone) {
                initDone = true;
                invocation.initFinished(options.clock().nanoTime() - initStartNanos);
            }
        }
        output.drain();
        invocation.capture.handlerStarted();
        long now = options.clock().nanoTime();
        invocation.complete(new Invocation.Outcome(null,
                new LambdaError(error.errorType(), error.errorMessage(), error.stackTrace(), null), null, false, true,
                0, now, now, maxMemoryUsedMb()));
        return true;
    }

    /** The process ended by itself (or was killed for its memory): a call in flight fails as Lambda fails it. */
    private void exited(Process ended) {
        RUNNING.remove(ended);
        if (discarded) {
            return;
        }
        Invocation invocation;
        boolean wasInit;
        synchronized (lock) {
            invocation = current;
            current = null;
            wasInit = !initDone;
            initDone = true;
            process = null;
        }
        memoryWatch.cancel(false);
        output.awaitEnd();
        api.close();
        if (invocation == null) {
            return;
        }
        long now = options.clock().nanoTime();
        if (wasInit) {
            invocation.initFinished(now - initStartNanos);
            invocation.capture.handlerStarted();
        }
        String how = describeExit(ended.exitValue());
        String type = overMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        String message = "RequestId: " + invocation.requestId + " Error: Runtime exited with error: " + how;
        invocation.complete(new Invocation.Outcome(null, new LambdaError(type, message, null, null),
                message + "\n" + type, false, true, 0, invocation.handlerStartNanos(), now, maxMemoryUsedMb()));
    }

    /** As Lambda words it: {@code exit status 3}, or {@code signal: killed} for a process ended by a signal. */
    static String describeExit(int status) {
        if (status > 128 && status < 160) {
            int signal = status - 128;
            return "signal: " + switch (signal) {
                case 9 -> "killed";
                case 6 -> "aborted";
                case 11 -> "segmentation fault";
                case 15 -> "terminated";
                default -> "signal " + signal;
            };
        }
        return "exit status " + status;
    }

    private void watchMemory(Process watched) {
        // Finding a process's children reads all of /proc: done every 20th reading, the process itself every one.
        if (memoryReadings++ % 20 == 0) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(watched.toHandle());
            watched.descendants().forEach(tree::add);
            watchedTree = tree;
        }
        long resident = ProcessMemory.residentBytes(watchedTree);
        if (resident > peakResidentBytes) {
            peakResidentBytes = resident;
        }
        if (resident > config.memoryMb() * MEBIBYTE && !overMemory && watched.isAlive()) {
            // Lambda's limit is the environment's memory: past it, the runtime is killed.
            overMemory = true;
            peakResidentBytes = Math.max(peakResidentBytes, config.memoryMb() * MEBIBYTE);
            kill(watched);
        }
    }

    /** REPORT's Max Memory Used: the process's peak resident size (or its children's, when larger), in MB. */
    private int maxMemoryUsedMb() {
        Process running = process;
        long peak = peakResidentBytes;
        if (running != null) {
            peak = Math.max(peak, ProcessMemory.peakBytes(running.toHandle()));
        }
        int megabytes = (int) Math.max(1, Math.min(config.memoryMb(), (peak + MEBIBYTE - 1) / MEBIBYTE));
        lastMaxMemoryUsedMb = megabytes;
        return megabytes;
    }

    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[12];
        random.nextBytes(id);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(id)
                + ";Sampled=0";
    }

    @Override
    public void discard() {
        Process running;
        synchronized (lock) {
            discarded = true;
            running = process;
            lock.notifyAll();
        }
        if (memoryWatch != null) {
            memoryWatch.cancel(false);
        }
        if (running != null) {
            kill(running);
        }
        if (api != null) {
            api.close();
        }
    }

    private static void kill(Process running) {
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
    }
}
