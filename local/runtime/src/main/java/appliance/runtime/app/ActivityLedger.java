package appliance.runtime.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which execution a Lambda invocation or an SNS publish belongs to. Task invokers know the execution
 * (it is in the task request); the Lambda runtime's log sink does not, so the invoker marks the thread
 * for the duration of a call: in-process Lambda calls run while the invoking thread waits for them.
 */
final class ActivityLedger {

    private final Map<String, ExecutionActivity> byExecution = new ConcurrentHashMap<>();
    private final ThreadLocal<ExecutionActivity> current = new ThreadLocal<>();
    /**
     * The calls in progress on any thread, innermost last. A function's own AWS SDK call (an SNS Publish) reaches
     * the local endpoint on a server thread, which the invoking thread's mark does not reach; under {@code run}
     * calls happen one at a time in virtual time, so the innermost call in progress is the one that made it.
     */
    private final java.util.Deque<ExecutionActivity> inProgress = new java.util.concurrent.ConcurrentLinkedDeque<>();

    ExecutionActivity of(String executionArn) {
        return byExecution.computeIfAbsent(executionArn, arn -> new ExecutionActivity());
    }

    /** The execution whose task this thread is running, or null outside any. */
    ExecutionActivity current() {
        return current.get();
    }

    /** The execution whose call is in progress on some thread (the innermost), or null when none is. */
    ExecutionActivity inProgress() {
        return inProgress.peekLast();
    }

    /** Runs the call with the thread marked as working for the execution. */
    <T> T during(String executionArn, java.util.function.Supplier<T> call) {
        return during(of(executionArn), call);
    }

    /** Runs the call with the thread marked as working for the activity (none: unmarked). */
    <T> T during(ExecutionActivity activity, java.util.function.Supplier<T> call) {
        ExecutionActivity previous = current.get();
        current.set(activity);
        if (activity != null) {
            inProgress.addLast(activity);
        }
        try {
            return call.get();
        } finally {
            if (activity != null) {
                inProgress.removeLastOccurrence(activity);
            }
            current.set(previous);
        }
    }

    void forget(String executionArn) {
        byExecution.remove(executionArn);
    }
}
