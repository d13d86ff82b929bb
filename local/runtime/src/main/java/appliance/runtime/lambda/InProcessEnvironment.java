package appliance.runtime.lambda;

import appliance.runtime.lambda.handler.HandlerAdapter;
import appliance.runtime.lambda.handler.HandlerFault;
import appliance.runtime.lambda.handler.HandlerLoader;
import appliance.runtime.lambda.handler.SerializationLibrary;
import appliance.runtime.lambda.handler.StackTraces;
import appliance.runtime.lambda.process.ProcessEnvironmentOverlay;
import appliance.runtime.lambda.process.ThreadOutputRouter;
import java.util.Map;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TransferQueue;

/**
 * One Lambda execution environment inside this JVM: its own thread, class loader, handler instance and environment variables, one
 * call at a time. Its first call is the cold start: the class is loaded and the handler constructed on this thread
 * (so static initialisers see the function's environment variables), and the time it takes is the init duration.
 * Later calls reuse the instance (warm). A timed-out environment is discarded: its thread is interrupted and
 * abandoned, and its class loader (with its static state) goes with it.
 */
final class InProcessEnvironment implements ExecutionEnvironment {
    private final LambdaFunctionConfig config;
    private final String executedVersion;
    private final LogDestination log;
    private final Map<String, String> variables;
    private final LambdaRuntimeOptions options;
    private final TransferQueue<Invocation> calls = new LinkedTransferQueue<>();
    private final Thread thread;
    private volatile InvocationLogCapture currentCapture;
    private volatile boolean discarded;
    private volatile int lastMaxMemoryUsedMb = 1;
    private FunctionClassLoader loader;
    private final SerializationLibrary serialization = new SerializationLibrary();
    private HandlerAdapter handler;
    private final ClassPreloader preloader;

    InProcessEnvironment(LambdaFunctionConfig config, String executedVersion, LambdaRuntimeOptions options,
                         int ordinal, ClassPreloader preloader) {
        this.config = config;
        this.preloader = preloader;
        this.executedVersion = executedVersion;
        this.options = options;
        this.log = LogDestination.forNewEnvironment(config, executedVersion, options);
        this.variables = ReservedEnvironmentVariables.forEnvironment(config, executedVersion, log.logStreamName());
        this.thread = new Thread(this::serve, "lambda-" + config.functionName() + "-" + ordinal);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public LogDestination log() {
        return log;
    }

    /** The memory gauge's last reading on this environment's thread (what a timed-out call reports). */
    @Override
    public int lastMaxMemoryUsedMb() {
        return lastMaxMemoryUsedMb;
    }

    @Override
    public void submit(Invocation invocation) {
        calls.add(invocation);
    }

    /** Ends the environment: a running handler is interrupted and its late results ignored. */
    @Override
    public void discard() {
        discarded = true;
        currentCapture = null;
        thread.interrupt();
    }

    private void serve() {
        JvmExitGuard.watch(Thread.currentThread(), config.functionName());
        ProcessEnvironmentOverlay.bindCurrentThread(variables);
        ThreadOutputRouter.bindCurrentThread(this::captureOutput);
        try {
            while (!discarded) {
                Invocation invocation;
                try {
                    invocation = calls.take();
                } catch (InterruptedException interrupted) {
                    break;
                }
                run(invocation);
            }
        } finally {
            JvmExitGuard.forget(Thread.currentThread());
            closeLoader();
        }
    }

    private void captureOutput(boolean standardError, byte[] bytes, int offset, int length) {
        InvocationLogCapture capture = currentCapture;
        if (capture != null) {
            capture.write(standardError, bytes, offset, length);
        }
    }

    private void run(Invocation invocation) {
        LambdaClock clock = options.clock();
        currentCapture = invocation.capture;
        long initNanos = 0;
        if (handler == null) {
            invocation.initStarting();
            long initStart = clock.nanoTime();
            try {
                loader = preloader.loaderForNewEnvironment();
                Thread.currentThread().setContextClassLoader(loader);
                handler = HandlerLoader.load(config.handler(), loader, serialization);
            } catch (HandlerFault fatal) {
                finishInitFailure(invocation, new LambdaError(fatal.errorType(), fatal.getMessage(), null, null),
                        fatal.logText(), clock.nanoTime() - initStart);
                return;
            } catch (Throwable unexpected) {
                StackTraces.filtered(unexpected);
                finishInitFailure(invocation, LambdaErrors.of(unexpected), LambdaErrors.logText(unexpected),
                        clock.nanoTime() - initStart);
                return;
            }
            initNanos = clock.nanoTime() - initStart;
            invocation.initFinished(initNanos);
            if (discarded) {
                // The call timed out during the init: Lambda would have ended the environment, so no handler runs.
                return;
            }
        }
        invocation.capture.handlerStarted();
        long handlerStart = clock.nanoTime();
        invocation.handlerStarted(handlerStart);
        if (discarded) {
            return;
        }
        InvocationContext context = new InvocationContext(invocation.requestId, config.functionName(),
                executedVersion, invocation.invokedFunctionArn, config.memoryMb(), log.logGroupName(), log.logStreamName(),
                invocation.deadlineNanos(), clock, invocation.capture);
        byte[] response = null;
        LambdaError error = null;
        String errorLog = null;
        boolean lost = false;
        try {
            response = handler.handle(invocation.request, context);
        } catch (HandlerFault fault) {
            error = new LambdaError(fault.errorType(), fault.getMessage(), null, null);
            errorLog = fault.logText();
        } catch (Throwable thrown) {
            StackTraces.filtered(thrown);
            error = LambdaErrors.of(thrown);
            errorLog = LambdaErrors.logText(thrown);
            // As Lambda's runtime: an out-of-memory or I/O error ends the environment.
            lost = thrown instanceof VirtualMachineError || thrown instanceof java.io.IOError;
        }
        long end = clock.nanoTime();
        int memory = options.memoryGauge().maxMemoryUsedMb(config.memoryMb());
        lastMaxMemoryUsedMb = memory;
        // The handler may have set its thread's interrupt flag; it must not leak into the next call.
        Thread.interrupted();
        currentCapture = null;
        invocation.complete(new Invocation.Outcome(response, error, errorLog, false, lost, initNanos, handlerStart,
                end, memory));
    }

    private void finishInitFailure(Invocation invocation, LambdaError error, String errorLog, long initNanos) {
        invocation.initFinished(initNanos);
        invocation.capture.handlerStarted();
        long now = options.clock().nanoTime();
        int memory = options.memoryGauge().maxMemoryUsedMb(config.memoryMb());
        currentCapture = null;
        discarded = true;
        invocation.complete(new Invocation.Outcome(null, error, errorLog, false, true, initNanos, now, now, memory));
    }

    private void closeLoader() {
        try {
            serialization.close();
            if (loader != null) {
                loader.close();
            }
        } catch (java.io.IOException ignored) {
            // The environment is gone either way; an open jar handle is all that can leak.
        }
    }
}
