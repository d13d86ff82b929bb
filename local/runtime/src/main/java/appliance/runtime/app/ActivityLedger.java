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

    ExecutionActivity of(String executionArn) {
        return byExecution.computeIfAbsent(executionArn, arn -> new ExecutionActivity());
    }

    /** The execution whose task this thread is running, or null outside any. */
    ExecutionActivity current() {
        return current.get();
    }

    /** Runs the call with the thread marked as working for the execution. */
    <T> T during(String executionArn, java.util.function.Supplier<T> call) {
        ExecutionActivity previous = current.get();
        current.set(of(executionArn));
        try {
            return call.get();
        } finally {
            current.set(previous);
        }
    }

    void forget(String executionArn) {
        byExecution.remove(executionArn);
    }
}
