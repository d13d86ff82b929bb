package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state's resource: the resource ARN as the definition names it, the effective
 * parameters (the payload), the state's name, the context object, and the execution it belongs to
 * (mocks count invocations per execution and state). {@code attempt} is 0 for the first try.
 * {@code heartbeat} is AWS's SendTaskHeartbeat for this call: a task with {@code HeartbeatSeconds}
 * that does not call it often enough fails with {@code States.HeartbeatTimeout}. It may be called
 * from any thread.
 */
public record TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context,
        String executionArn, int attempt, Runnable heartbeat) {

    /** A request whose heartbeats go nowhere (for invokers' own tests and tools). */
    public TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context, String executionArn,
            int attempt) {
        this(resource, parameters, stateName, context, executionArn, attempt, () -> { });
    }
}
