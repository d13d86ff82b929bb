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

    final String requestId;
    final byte[] request;
    final long startNanos;
    final long deadlineNanos;
    final String invokedFunctionArn;
    final InvocationLogCapture capture;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile long initNanos;
    private volatile long handlerStartNanos;
    private volatile boolean handlerStarted;
    private volatile boolean coldStart;

    Invocation(String requestId, byte[] request, long startNanos, long deadlineNanos, String invokedFunctionArn,
               InvocationLogCapture capture) {
        this.requestId = requestId;
        this.request = request;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.invokedFunctionArn = invokedFunctionArn;
        this.capture = capture;
    }

    /** This call creates its environment: the init runs first. */
    void initStarting() {
        coldStart = true;
    }

    boolean coldStart() {
        return coldStart;
    }

    void initFinished(long nanos) {
        initNanos = nanos;
    }

    void handlerStarted(long nanos) {
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
