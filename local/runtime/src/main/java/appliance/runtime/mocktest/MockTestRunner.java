package appliance.runtime.mocktest;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import appliance.runtime.app.StateStep;
import appliance.runtime.app.StateSteps;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs a state machine on the test cases of a Step Functions Local mock config: every Task answers
 * from the case's mocked responses, in virtual time (a retry's backoff costs nothing), and the run is
 * checked against the case's expectation.
 */
public final class MockTestRunner {

    private final StateMachineDefinition definition;
    private final String stateMachineName;
    /** Where the executions are named: the configured region and account (Step Functions Local's AWS_DEFAULT_REGION, AWS_ACCOUNT_ID). */
    private final String region;
    private final String account;
    private final MockConfig mocks;
    private final Instant start;
    private final RandomGenerator random;

    public MockTestRunner(StateMachineDefinition definition, String stateMachineName, String region, String account,
                          MockConfig mocks, Instant start, RandomGenerator random) {
        this.definition = definition;
        this.stateMachineName = stateMachineName;
        this.region = region;
        this.account = account;
        this.mocks = mocks;
        this.start = start;
        this.random = random;
    }

    /** @throws IllegalArgumentException when the mock config has no such test case for the state machine */
    public TestCaseRun run(MockTestCase testCase) {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(start);
        Engine engine = new Engine(scheduler, new MockTaskInvoker(mocks, stateMachineName, testCase.name()), random);
        Execution execution = engine.start(definition, testCase.input(),
                ExecutionIdentity.in(region, account, stateMachineName, testCase.name()), null);
        scheduler.runUntilIdle();
        ExecutionResult result = execution.result().toCompletableFuture().getNow(ExecutionResult.running());
        List<HistoryEvent> history = execution.history();
        List<StateStep> steps = StateSteps.of(history);
        List<String> path = steps.stream().map(StateStep::name).toList();
        Map<String, Integer> retries = new HashMap<>();
        steps.stream().filter(step -> step.retries() > 0)
                .forEach(step -> retries.merge(step.name(), step.retries(), Integer::sum));
        TestCaseRun unchecked = new TestCaseRun(testCase.name(), result, path, retries, history, List.of());
        List<String> mismatches = testCase.expectation() == null ? List.of() : testCase.expectation().mismatches(unchecked);
        return new TestCaseRun(testCase.name(), result, path, retries, history, mismatches);
    }
}
