package appliance.runtime.lambda;

import appliance.runtime.lambda.process.ProcessEnvironmentOverlay;
import appliance.runtime.lambda.runtimeapi.RuntimeApiServer;
import appliance.runtime.lambda.process.ThreadOutputRouter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Lambda functions with Lambda's semantics, each execution environment in this JVM (Java functions, one class
 * loader each, handler resolution and event (de)serialisation as Lambda's Java runtime does them) or in a process of
 * its own speaking the Lambda Runtime API (any runtime), as {@link LambdaIsolation} says: warm reuse and cold starts with
 * their init duration, reserved concurrency (throttling), timeouts, per-function environment variables, and each
 * call's log (init output, START, output, END, REPORT) delivered to the {@link LambdaLogSink}.
 *
 * <p>In-process, needs the JVM flags in {@link ProcessEnvironmentOverlay#REQUIRED_JVM_FLAGS}; the constructor fails
 * with a message naming them when they are missing.
 */
public final class LocalLambdaRuntime implements LambdaInvoker, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaRuntimeOptions options;
    private final LambdaFunctionRegistry registry = new LambdaFunctionRegistry();
    private final List<DeployedFunction> deployed = new ArrayList<>();

    public LocalLambdaRuntime(LambdaRuntimeOptions options) {
        this.options = options;
        RuntimeApiServer.useNoDelay();
        if (options.isolation() == LambdaIsolation.IN_PROCESS) {
            ProcessEnvironmentOverlay.install();
            ThreadOutputRouter.install();
        }
    }

    public LocalLambdaRuntime() {
        this(LambdaRuntimeOptions.defaults());
    }

    /** Makes a function invokable by its name, ARN (with qualifier) or logical id. No code is loaded until a call. */
    public void register(LambdaFunctionConfig config) {
        DeployedFunction function = new DeployedFunction(config, options);
        registry.add(function);
        synchronized (deployed) {
            deployed.add(function);
        }
    }

    public LambdaFunctionRegistry registry() {
        return registry;
    }

    @Override
    public LambdaInvocationResult invoke(String functionNameOrArn, JsonNode payload) {
        byte[] request;
        try {
            request = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException impossible) {
            throw new IllegalArgumentException("The payload for " + functionNameOrArn + " cannot be written as JSON");
        }
        return invoke(functionNameOrArn, request);
    }

    /** Invokes with the request body as bytes (the JSON text of the event). */
    public LambdaInvocationResult invoke(String functionNameOrArn, byte[] request) {
        String requestId = options.ids().requestId();
        LambdaFunctionRegistry.Target target = registry.resolve(functionNameOrArn, requestId);
        if (request.length > LambdaServiceException.MAX_REQUEST_BYTES) {
            throw LambdaServiceException.requestTooLarge(requestId);
        }
        DeployedFunction function = target.function();
        LambdaFunctionConfig config = function.config();
        ExecutionEnvironment environment = function.acquire(target.executedVersion(), requestId);
        Invocation invocation;
        Invocation.Outcome outcome;
        try {
            invocation = start(requestId, request, target, config);
            outcome = run(invocation, environment, config);
        } catch (RuntimeException | Error unexpected) {
            function.release(environment, target.executedVersion(), false);
            throw unexpected;
        }
        function.release(environment, target.executedVersion(), !outcome.timedOut() && !outcome.environmentLost());
        return report(config, target, environment, invocation, outcome);
    }

    private Invocation start(String requestId, byte[] request, LambdaFunctionRegistry.Target target,
                             LambdaFunctionConfig config) {
        LambdaClock clock = options.clock();
        long start = clock.nanoTime();
        return new Invocation(requestId, request, start, start + timeoutNanos(config), target.invokedFunctionArn(),
                new InvocationLogCapture(clock));
    }

    /** Hands the call to the environment and waits for its outcome or the timeout, whichever is first. */
    private Invocation.Outcome run(Invocation invocation, ExecutionEnvironment environment, LambdaFunctionConfig config) {
        InvocationTimers timers = new InvocationTimers(options, invocation, environment, timeoutNanos(config));
        invocation.watch(timers);
        try {
            environment.submit(invocation);
            return invocation.await();
        } finally {
            timers.cancel();
        }
    }

    private static long timeoutNanos(LambdaFunctionConfig config) {
        return config.timeoutSeconds() * 1_000_000_000L;
    }

    private LambdaInvocationResult report(LambdaFunctionConfig config, LambdaFunctionRegistry.Target target,
                                          ExecutionEnvironment environment, Invocation invocation,
                                          Invocation.Outcome outcome) {
        LambdaClock clock = options.clock();
        String requestId = invocation.requestId;
        List<LambdaLogLine> handlerLines = invocation.capture.finish();
        boolean cold = invocation.coldStart();
        long initNanos = Math.max(outcome.initNanos(), invocation.initNanos());
        Double initMs = cold ? initNanos / 1_000_000.0 : null;
        double durationMs = Math.max(0, outcome.endNanos() - outcome.handlerStartNanos()) / 1_000_000.0;
        long billedMs = Math.max(1, (long) Math.ceil(durationMs + (initMs == null ? 0 : initMs)));

        LambdaError error = outcome.error();
        String errorLog = outcome.errorLog();
        if (outcome.timedOut()) {
            String elapsed = LambdaLogFormat.twoDecimals(
                    (outcome.endNanos() - invocation.timeoutStartNanos()) / 1_000_000_000.0);
            error = LambdaError.timeout(requestId, elapsed);
            errorLog = LambdaLogFormat.timedOut(clock.now(), requestId, elapsed);
        }
        String payload = error == null
                ? new String(outcome.response(), StandardCharsets.UTF_8)
                : error.toPayload().toString();

        List<LambdaLogLine> lines = new ArrayList<>(handlerLines.size() + 6);
        lines.addAll(invocation.capture.finishInit());
        if (invocation.initOutlivedItsLimit()) {
            lines.add(new LambdaLogLine(clock.now(), LambdaLogFormat.initTimedOut(options.initLimitNanos() / 1_000_000.0)));
        }
        lines.add(new LambdaLogLine(clock.now(), LambdaLogFormat.start(requestId, target.executedVersion())));
        lines.addAll(handlerLines);
        if (errorLog != null) {
            lines.add(new LambdaLogLine(clock.now(), errorLog.endsWith("\n")
                    ? errorLog.substring(0, errorLog.length() - 1) : errorLog));
        }
        lines.add(new LambdaLogLine(clock.now(), LambdaLogFormat.end(requestId)));
        lines.add(new LambdaLogLine(clock.now(), LambdaLogFormat.report(requestId, durationMs, billedMs,
                config.memoryMb(), outcome.maxMemoryUsedMb(), initMs, outcome.timedOut())));
        LambdaInvocationLog log = new LambdaInvocationLog(config.functionName(), environment.log().logGroupName(),
                environment.log().logStreamName(), requestId, lines);
        options.logSink().write(log);

        return new LambdaInvocationResult(requestId, config.functionName(), target.executedVersion(),
                target.invokedFunctionArn(), payload, error, durationMs, billedMs, initMs, cold, config.memoryMb(),
                outcome.maxMemoryUsedMb(), config.architecture(), log);
    }

    /** Discards every execution environment (their threads are daemons; nothing else is held). */
    @Override
    public void close() {
        synchronized (deployed) {
            deployed.forEach(DeployedFunction::discardAll);
        }
    }
}
