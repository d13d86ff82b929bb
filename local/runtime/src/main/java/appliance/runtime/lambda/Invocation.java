package appliance.runtime.lambda;

import java.util.concurrent.CompletableFuture;

/**
 * One call in flight, shared by the caller (who waits), the environment's thread (who runs the handler) and the
 * timeout timer. Whichever finishes first decides the outcome: a handler that returns after its timeout fired is
 * ignored, as Lambda ignores it.
 */
final class Invocation {

    /** How the call ended. Times are clock.nanoTime() values; initNanos is 0 on a warm start. */
    record Outcome(byte[] response, LambdaError error, String errorLog, boolean timedOut, boolean environmentLost,
                   long initNanos, long handlerStartNanos, long endNanos, int maxMemoryUsedMb) {
    }

    /** Told when the phases begin, so the runtime can time them (the init's own limit, then the Timeout). */
    interface Phases {
        void initStarted();

        void handlerStarting(long nowNanos);

        Phases NONE = new Phases() {
            @Override
            public void initStarted() {
            }

            @Override
            public void handlerStarting(long nowNanos) {
            }
        };
    }

    final String requestId;
    final byte[] request;
    final long startNanos;
    final String invokedFunctionArn;
    final InvocationLogCapture capture;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile long initNanos;
    private volatile long handlerStartNanos;
    private volatile boolean handlerStarted;
    private volatile boolean coldStart;
    private volatile Phases phases = Phases.NONE;
    private volatile long timeoutStartNanos;
    private volatile long deadlineNanos;
    private volatile boolean initTimedOut;

    Invocation(String requestId, byte[] request, long startNanos, long deadlineNanos, String invokedFunctionArn,
               InvocationLogCapture capture) {
        this.requestId = requestId;
        this.request = request;
        this.startNanos = startNanos;
        this.timeoutStartNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.invokedFunctionArn = invokedFunctionArn;
        this.capture = capture;
    }

    void watch(Phases value) {
        phases = value;
    }

    /** This call creates its environment: the init runs first. */
    void initStarting() {
        coldStart = true;
        phases.initStarted();
    }

    /** The function's Timeout runs from here; the deadline the handler sees is its end. */
    void timeoutStarted(long nowNanos, long deadline) {
        timeoutStartNanos = nowNanos;
        deadlineNanos = deadline;
    }

    long timeoutStartNanos() {
        return timeoutStartNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The init outlived its own limit (10 s): what is left of it counts against the Timeout. */
    void initTimedOut() {
        initTimedOut = true;
    }

    boolean initOutlivedItsLimit() {
        return initTimedOut;
    }

    boolean coldStart() {
        return coldStart;
    }

    void initFinished(long nanos) {
        initNanos = nanos;
    }

    /** The handler is about to run (the runtime's timer starts the Timeout first, so the deadline is set). */
    void handlerStarted(long nanos) {
        phases.handlerStarting(nanos);
        handlerStartNanos = nanos;
        handlerStarted = true;
    }

    long initNanos() {
        return initNanos;
    }

    long handlerStartNanos() {
        return handlerStarted ? handlerStartNanos : startNanos;
    }

    /** Returns false when the outcome was already decided (the timeout fired first). */
    boolean complete(Outcome result) {
        return outcome.complete(result);
    }

    void timeOut(long nowNanos, int maxMemoryUsedMb) {
        outcome.complete(new Outcome(null, null, null, true, true, initNanos, handlerStartNanos(), nowNanos,
                maxMemoryUsedMb));
    }

    Outcome await() {
        return outcome.join();
    }
}
