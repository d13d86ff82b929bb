package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a task in flight tells its execution before it answers, so the history shows it as AWS's does:
 * a callback ({@code .waitForTaskToken}) or job ({@code .sync}) integration was <em>submitted</em> (the
 * service call returned; TaskSubmitted, with that call's response), an activity task was <em>started</em>
 * by a worker (ActivityStarted, with the worker's name). Each is recorded once per attempt, whatever
 * thread calls it; calls after the task answered or timed out are ignored. The other way, the invoker
 * hears when the execution stops waiting for the task ({@link #whenTimedOut}).
 */
public interface TaskProgress {

    /** Progress that goes nowhere (invokers' own tests and tools). */
    TaskProgress NONE = new TaskProgress() {
    };

    /** The service call of a callback or job integration returned {@code response}; the task now waits. */
    default void submitted(JsonNode response) {
    }

    /** A worker took the activity task ({@code workerName} may be null: GetActivityTask's is optional). */
    default void started(String workerName) {
    }

    /**
     * Runs {@code action} (on any thread) once the execution no longer awaits this task's answer because
     * the task timed out ({@code TimeoutSeconds} or {@code HeartbeatSeconds}): a task token then times
     * out. Runs it at once when that already happened.
     */
    default void whenTimedOut(Runnable action) {
    }
}
