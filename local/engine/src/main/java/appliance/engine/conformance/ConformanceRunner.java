package appliance.engine.conformance;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.lambda.LambdaFunction;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.engine.task.lambda.StandInFunctions;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one conformance case in virtual time (its Waits cost nothing) with its Lambda stand-ins or its
 * mock config, and returns what happened. No files: the caller reads the corpus.
 */
public final class ConformanceRunner {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * @throws appliance.engine.error.InvalidDefinitionException when the definition does not compile
     * @throws IllegalArgumentException when the mock config or test case is unusable
     */
    public CaseOutcome run(ConformanceCase testCase) {
        StateMachineDefinition definition = StateMachineDefinition.compile(testCase.definition());
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(START);
        SplittableRandom random = new SplittableRandom(42);
        TaskInvoker tasks;
        String machineName = "ConformanceMachine";
        if (testCase.mockConfig() != null) {
            MockConfig config = MockConfig.parse(testCase.mockConfig());
            machineName = config.onlyStateMachine();
            tasks = new MockTaskInvoker(config, machineName, testCase.testCase());
        } else {
            tasks = new LambdaTaskInvoker(name -> standIn(testCase, name), new UnknownResourceInvoker(), random,
                    scheduler::now);
        }
        Engine engine = new Engine(scheduler, tasks, random);
        Execution execution = engine.start(definition, testCase.input(),
                ExecutionIdentity.local(machineName, "conformance"), null);
        scheduler.runUntilIdle();
        CompletableFuture<ExecutionResult> result = execution.result().toCompletableFuture();
        if (!result.isDone()) {
            return new CaseOutcome("RUNNING", null, null, "The execution did not end", execution.history());
        }
        ExecutionResult ended = result.join();
        return new CaseOutcome(ended.status().name(), ended.output(), ended.error(), ended.cause(),
                execution.history());
    }

    private static LambdaFunction standIn(ConformanceCase testCase, String functionName) {
        String kind = testCase.lambdas().get(functionName);
        return kind == null ? null : StandInFunctions.named(kind);
    }
}
