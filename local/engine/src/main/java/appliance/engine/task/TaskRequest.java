package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state's resource: the resource ARN as the definition names it, the effective
 * parameters (the payload), the state's name, the context object, and the execution it belongs to
 * (mocks count invocations per execution and state). {@code attempt} is 0 for the first try.
 */
public record TaskRequest(String resource, JsonNode parameters, String stateName, JsonNode context,
        String executionArn, int attempt) {
}
