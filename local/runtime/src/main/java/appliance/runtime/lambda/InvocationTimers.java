package appliance.runtime.lambda;

/**
 * The clocks of one call, as Lambda runs them: a cold start's init has a limit of its own (10 s), apart from the
 * function's Timeout, which starts when the handler does. An init that outlives its limit is not given up on: what
 * is left of it counts against the Timeout from then on (Lambda re-runs such an init inside the invoke phase, under
 * the function's timeout). When the Timeout passes, the call ends as timed out.
 */
final class InvocationTimers implements Invocation.Phases {
    private final LambdaRuntimeOptions options;
    private final Invocation invocation;
    private final ExecutionEnvironment environment;
    private final long timeoutNanos;
    private TimeoutScheduler.Scheduled pending;
    private boolean timeoutRunning;
    private boolean cancelled;

    InvocationTimers(LambdaRuntimeOptions options, Invocation invocation, ExecutionEnvironment environment,
                     long timeoutNanos) {
        this.options = options;
        this.invocation = invocation;
        this.environment = environment;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public synchronized void initStarted() {
        if (!cancelled) {
            pending = options.timeouts().schedule(options.initLimitNanos(), this::initLimitReached);
        }
    }

    @Override
    public synchronized void handlerStarting(long nowNanos) {
        if (!timeoutRunning && !cancelled) {
            cancelPending();
            startTimeout(nowNanos);
        }
    }

    synchronized void cancel() {
        cancelled = true;
        cancelPending();
    }

    private synchronized void initLimitReached() {
        if (!timeoutRunning && !cancelled) {
            invocation.initTimedOut();
            startTimeout(options.clock().nanoTime());
        }
    }

    private void startTimeout(long now) {
        timeoutRunning = true;
        invocation.timeoutStarted(now, now + timeoutNanos);
        pending = options.timeouts().schedule(timeoutNanos,
                () -> invocation.timeOut(options.clock().nanoTime(), environment.lastMaxMemoryUsedMb()));
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
