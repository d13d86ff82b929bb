package appliance.starter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * An SfnClient that keeps executions in memory and answers StartExecution as Step Functions does for a
 * name it has seen: the same execution while it runs with the same input, ExecutionAlreadyExists once it
 * has finished or when the input differs.
 */
final class FakeStepFunctions implements SfnClient {

    final List<StartExecutionRequest> requests = new ArrayList<>();
    private final Map<String, StartExecutionRequest> byName = new HashMap<>();
    private boolean finishEachExecution;

    /** Makes every started execution finish at once, as a fast workflow does before a redelivery. */
    FakeStepFunctions finishingEachExecution() {
        finishEachExecution = true;
        return this;
    }

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        requests.add(request);
        String arn = ExecutionNames.executionArn(request.stateMachineArn(), request.name());
        StartExecutionRequest earlier = byName.get(request.name());
        if (earlier != null && (finishEachExecution || !earlier.input().equals(request.input()))) {
            throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists: '" + arn + "'").build();
        }
        byName.put(request.name(), request);
        return StartExecutionResponse.builder().executionArn(arn).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
