package appliance.cli;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.InvalidDefinitionException;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import appliance.engine.time.RealTimeScheduler;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code appliance bench}: measures the engine in-process, for local/bench/run. With {@code --count}
 * it runs one definition that many times (tasks answered by a mock config test case) and prints
 * {@code {"executions","seconds","perSecond","lastOutput"}}, the same line the npm peer prints. With
 * {@code --parked} it starts that many executions that wait an hour on a real-time scheduler and prints
 * the threads and heap they take. A measurement, not a test: it reads the wall clock on purpose.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures executions per second, or the cost of executions parked in Wait states.")
public final class BenchCommand implements Callable<Integer> {

    /**
     * Before timing, both sides (this and local/bench/peer/run-peer.mjs) run the machine for at least
     * this many executions and this long, so both JITs have compiled the hot code.
     */
    private static final int WARMUP_RUNS = 10_000;
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private static final String PARKED_DEFINITION =
            "{\"StartAt\":\"Park\",\"States\":{\"Park\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";

    @Spec
    private CommandSpec spec;

    @Option(names = "--definition", paramLabel = "FILE", description = "The ASL definition to run.")
    private String definitionFile;

    @Option(names = "--input", paramLabel = "FILE", description = "The execution input; {} when absent.")
    private String inputFile;

    @Option(names = "--mock-config", paramLabel = "FILE", description = "Answers for the Task states.")
    private String mockConfigFile;

    @Option(names = "--test-case", description = "The mock config's test case.")
    private String testCase;

    @Option(names = "--count", description = "How many executions to time (after at least 3 s and 10,000 runs of warm-up).")
    private int count;

    @Option(names = "--parked", description = "How many executions to park in a one-hour Wait at once.")
    private int parked;

    @Override
    public Integer call() throws Exception {
        ObjectNode line = parked > 0 ? parked() : throughput();
        spec.commandLine().getOut().println(JsonFiles.JSON.writeValueAsString(line));
        return 0;
    }

    private ObjectNode throughput() {
        if (definitionFile == null || count <= 0) {
            throw new UserError("--count N needs --definition FILE (or use --parked N)");
        }
        StateMachineDefinition definition;
        try {
            definition = StateMachineDefinition.compile(JsonFiles.read(definitionFile));
        } catch (InvalidDefinitionException e) {
            throw new UserError(e.getMessage());
        }
        JsonNode input = inputFile == null ? JsonFiles.JSON.createObjectNode() : JsonFiles.read(inputFile);
        TaskInvoker tasks = new UnknownResourceInvoker();
        String machine = "BenchMachine";
        if (mockConfigFile != null) {
            MockConfig config = MockConfig.parse(JsonFiles.read(mockConfigFile));
            machine = config.onlyStateMachine();
            tasks = new MockTaskInvoker(config, machine, testCase);
        }
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Instant.parse("2024-01-01T00:00:00Z"));
        Engine engine = new Engine(scheduler, tasks, new SplittableRandom(1));
        long warmupStarted = System.nanoTime();
        while (System.nanoTime() - warmupStarted < WARMUP_NANOS) {
            runMany(engine, scheduler, definition, input, machine, WARMUP_RUNS, "warmup-");
        }
        long started = System.nanoTime();
        ExecutionResult last = runMany(engine, scheduler, definition, input, machine, count, "run-");
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode line = JsonFiles.JSON.createObjectNode();
        line.put("executions", count);
        line.put("seconds", seconds);
        line.put("perSecond", count / seconds);
        line.set("lastOutput", last.output() != null ? last.output() : JsonFiles.JSON.valueToTree(last));
        return line;
    }

    /** One execution at a time, as the peer runs them: start, run to the end, next. */
    private static ExecutionResult runMany(Engine engine, VirtualTimeScheduler scheduler, StateMachineDefinition definition,
            JsonNode input, String machine, int times, String prefix) {
        ExecutionResult last = null;
        for (int i = 0; i < times; i++) {
            Execution execution = engine.start(definition, input, ExecutionIdentity.local(machine, prefix + i), null);
            scheduler.runUntilIdle();
            last = execution.result().toCompletableFuture().getNow(null);
        }
        return last;
    }

    private ObjectNode parked() {
        StateMachineDefinition definition = StateMachineDefinition.compile(readTree(PARKED_DEFINITION));
        int threadsBefore = Thread.activeCount();
        try (RealTimeScheduler scheduler = new RealTimeScheduler(Clock.systemUTC(), 2)) {
            Engine engine = new Engine(scheduler, new UnknownResourceInvoker(), new SplittableRandom(1));
            List<Execution> executions = new ArrayList<>(parked);
            for (int i = 0; i < parked; i++) {
                executions.add(engine.start(definition, JsonFiles.JSON.createObjectNode(),
                        ExecutionIdentity.local("Parked", "parked-" + i), null));
            }
            waitUntilAllEntered(executions);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            ObjectNode line = JsonFiles.JSON.createObjectNode();
            line.put("parked", parked);
            line.put("threadsBefore", threadsBefore);
            line.put("threadsWhileParked", Thread.activeCount());
            line.put("heapUsedMB", (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0));
            return line;
        }
    }

    /** Every execution has recorded its WaitStateEntered event (so it is parked on its timer). */
    private static void waitUntilAllEntered(List<Execution> executions) {
        for (Execution execution : executions) {
            while (execution.history().size() < 2) {
                Thread.onSpinWait();
            }
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JsonFiles.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
