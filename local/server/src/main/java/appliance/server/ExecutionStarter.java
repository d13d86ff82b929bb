package appliance.server;

import appliance.engine.run.ExecutionIdentity;
import appliance.engine.task.TaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Runs the executions of some of a server's state machines somewhere other than the server's own engine:
 * {@code bin/appliance run}'s application, whose executions run in virtual time and are reported state by
 * state, while its functions' SfnClient still reaches the one local endpoint. The server checks each
 * StartExecution request as AWS does (ARN, name, input size and JSON, test case) before it hands it over.
 */
@FunctionalInterface
public interface ExecutionStarter {

    /**
     * Starts the execution StartExecution asked for.
     *
     * @param identity its ARN and names, as the server gives them
     * @param tasks what its Task states call: the machine's, or the partial mocks of its test case over them
     * @return its start date; null when the state machine is not this starter's (the server runs it itself)
     * @throws ApiException as StartExecution answers (ExecutionAlreadyExists, ...)
     */
    Instant start(ExecutionIdentity identity, JsonNode input, TaskInvoker tasks);
}
