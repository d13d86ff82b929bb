package appliance.bench;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's cost per execution: one execution of local/bench's Pass → Choice → Succeed machine, started and run to
 * its end on virtual time, one after another (as {@code bin/appliance bench} and local/bench/run time it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineExecutionBenchmark {
    private StateMachineDefinition definition;
    private JsonNode input;
    private VirtualTimeScheduler scheduler;
    private Engine engine;
    private long executions;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        ObjectMapper json = new ObjectMapper();
        definition = StateMachineDefinition.compile(json.readTree(resource("pass-choice-succeed.asl.json")));
        input = json.readTree(resource("pass-choice-succeed.input.json"));
        // A new engine per iteration: what it keeps of ended executions does not grow through the run.
        scheduler = new VirtualTimeScheduler(Instant.parse("2024-01-01T00:00:00Z"));
        engine = new Engine(scheduler, new UnknownResourceInvoker(), new SplittableRandom(1));
    }

    @Benchmark
    public Object passChoiceSucceed() {
        Execution execution = engine.start(definition, input, ExecutionIdentity.local("Bench", "run-" + executions++), null);
        scheduler.runUntilIdle();
        return execution.result().toCompletableFuture().getNow(null);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EngineExecutionBenchmark.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path; build local/bench first (local/bench/jmh does)");
        }
        return in;
    }
}
