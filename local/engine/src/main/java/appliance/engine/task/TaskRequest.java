package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state's resource: the resource ARN as the definition names it, the effective
 * parameters (the payload), the state's name, the context object, and the execution it belongs to
 * (mocks count invocations per execution and state). {@code attempt} is 0 for the first try.
 * {@code heartbeat} is AWS's SendTaskHeartbeat for this call: a task with {@code HeartbeatSeconds}
 * that does not call it often enough fails with {@code States.HeartbeatTimeout}. It may be called
 * from any thread. {@code progress} is how a callback, job or activity task reports its steps before it
 * answers, and hears when the task timed out ({@link TaskProgress}).
 */
public record TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context,
        String executionArn, int attempt, Runnable heartbeat, TaskProgress progress) {

    /** A request whose heartbeats and progress go nowhere (for invokers' own tests and tools). */
    public TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context, String executionArn,
            int attempt) {
        this(resource, parameters, stateName, context, executionArn, attempt, () -> { });
    }

    /** A request whose progress goes nowhere. */
    public TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context, String executionArn,
            int attempt, Runnable heartbeat) {
        this(resource, parameters, stateName, context, executionArn, attempt, heartbeat, TaskProgress.NONE);
    }

    /** The task token of a callback or activity task ({@code $$.Task.Token}); null when it has none. */
    public String taskToken() {
        JsonNode token = context == null ? null : context.path("Task").get("Token");
        return token == null || !token.isTextual() ? null : token.asText();
    }

    /** The same call on another resource: a callback integration calls its service without the suffix. */
    public TaskRequest withResource(String otherResource) {
        return new TaskRequest(otherResource, parameters, stateName, context, executionArn, attempt, heartbeat, progress);
    }
}
