package appliance.engine.task.mock;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers Task states from one test case of a mock config, as Step Functions Local does: the n-th call
 * of a state in an execution (retries count) gets the answer whose range holds n. A mocked state never
 * calls its service. A Task the test case does not mock calls its service through {@code unmocked}, as
 * Step Functions Local's partial mocks do; without one it fails, naming the state, the test case and the
 * machine.
 */
public final class MockTaskInvoker implements TaskInvoker {

    private final MockConfig config;
    private final String stateMachine;
    private final String testCase;
    private final Map<String, Integer> calls = new HashMap<>();
    private final TaskInvoker unmocked;

    /**
     * Every Task must be mocked.
     *
     * @throws IllegalArgumentException when the machine or the test case is not in the config
     */
    public MockTaskInvoker(MockConfig config, String stateMachine, String testCase) {
        this(config, stateMachine, testCase, null);
    }

    /**
     * @param unmocked what a Task the test case does not mock calls (its service); null: such a Task fails
     * @throws IllegalArgumentException when the machine or the test case is not in the config
     */
    public MockTaskInvoker(MockConfig config, String stateMachine, String testCase, TaskInvoker unmocked) {
        if (!config.testCases().containsKey(stateMachine)) {
            throw new IllegalArgumentException("The mock config has no state machine '" + stateMachine + "'");
        }
        if (!config.testCases().get(stateMachine).containsKey(testCase)) {
            throw new IllegalArgumentException("The mock config has no test case '" + testCase
                    + "' for the state machine '" + stateMachine + "'");
        }
        this.config = config;
        this.stateMachine = stateMachine;
        this.testCase = testCase;
        this.unmocked = unmocked;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        String responseName = config.testCases().get(stateMachine).get(testCase).get(request.stateName());
        if (responseName == null && unmocked != null) {
            return unmocked.invoke(request);
        }
        if (responseName == null) {
            return CompletableFuture.failedFuture(new StatesFailure(ErrorNames.RUNTIME, "No mocked response for the state '"
                    + request.stateName() + "' in the test case '" + testCase + "' of the state machine '"
                    + stateMachine + "'"));
        }
        int call;
        synchronized (calls) {
            String key = request.executionArn() + "\u0000" + request.stateName();
            call = calls.merge(key, 1, Integer::sum) - 1;
        }
        for (MockConfig.MockedAnswer answer : config.responses().getOrDefault(responseName, java.util.List.of())) {
            if (call >= answer.from() && call <= answer.to()) {
                if (answer.isThrow()) {
                    return CompletableFuture.failedFuture(new StatesFailure(answer.error(), answer.cause()));
                }
                return CompletableFuture.completedFuture(answer.returned().deepCopy());
            }
        }
        return CompletableFuture.failedFuture(new StatesFailure(ErrorNames.RUNTIME, "The mocked response '" + responseName
                + "' has no answer for invocation " + call + " of the state '" + request.stateName() + "'"));
    }
}
