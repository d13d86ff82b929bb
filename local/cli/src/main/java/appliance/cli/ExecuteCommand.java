package appliance.cli;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.InvalidDefinitionException;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.run.ExecutionStatus;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.mock.MockConfig;
import appliance.engine.task.mock.MockTaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code appliance execute}: runs one state machine definition on one input, in virtual time (a Wait
 * costs nothing), and prints {@code {"status", "output"}} or {@code {"status", "error", "cause"}}.
 * Exit 0 only when the execution succeeded; 1 when it ended otherwise; 2 (a {@link UserError}) for a bad
 * file, definition or mock config.
 */
@Command(name = "execute", mixinStandardHelpOptions = true,
        description = "Runs a state machine definition once and prints its result as JSON.")
public final class ExecuteCommand implements Callable<Integer> {

    /** Exit code for an execution that ended other than SUCCEEDED. */
    static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--definition", required = true, paramLabel = "FILE", description = "The ASL definition (JSON file).")
    private String definitionFile;

    @Option(names = "--input", paramLabel = "FILE", description = "The execution input (JSON file); {} when absent.")
    private String inputFile;

    @Option(names = "--mock-config", paramLabel = "FILE", description = "A Step Functions Local MockConfigFile; tasks answer from it.")
    private String mockConfigFile;

    @Option(names = "--test-case", description = "The test case of the mock config to use.")
    private String testCase;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Also write the execution history there, as AWS's GetExecutionHistory returns it.")
    private String historyFile;

    @Option(names = "--state-machine", description = "The state machine's name in the mock config (needed when it names several).")
    private String stateMachineName;

    @picocli.CommandLine.Mixin
    private S3Options s3 = new S3Options();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper json = JsonFiles.JSON;
        StateMachineDefinition definition;
        JsonNode input;
        TaskInvoker tasks = new UnknownResourceInvoker();
        String machine = stateMachineName != null ? stateMachineName : "LocalStateMachine";
        try {
            definition = StateMachineDefinition.compile(JsonFiles.read(definitionFile));
            input = inputFile == null ? json.createObjectNode() : JsonFiles.read(inputFile);
            if (mockConfigFile != null) {
                if (testCase == null) {
                    throw new UserError("--mock-config needs --test-case NAME");
                }
                MockConfig config = MockConfig.parse(JsonFiles.read(mockConfigFile));
                machine = stateMachineName != null ? stateMachineName : config.onlyStateMachine();
                tasks = new MockTaskInvoker(config, machine, testCase);
            }
        } catch (InvalidDefinitionException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Clock.systemUTC().instant());
        Engine engine = new Engine(scheduler, tasks, new SecureRandom()).withObjectStore(s3.store());
        Execution execution = engine.start(definition, input, ExecutionIdentity.local(machine, "local-execution"), null);
        scheduler.runUntilIdle();
        CompletableFuture<ExecutionResult> result = execution.result().toCompletableFuture();
        if (!result.isDone()) {
            err.println("bin/appliance execute: the execution did not end (a task never answered)");
            return FAILED;
        }
        ExecutionResult ended = result.join();
        if (historyFile != null) {
            writeHistory(json, execution);
        }
        out.println(toJson(json, ended));
        out.flush();
        if (mockConfigFile == null && ended.cause() != null && ended.cause().startsWith(UnknownResourceInvoker.NO_HANDLER)) {
            err.println("bin/appliance execute: a Task has nothing to answer it here: give the tasks their answers with"
                    + " --mock-config FILE --test-case NAME (for example statemachine/test/MockConfigFile.json), or run the"
                    + " template's workflow, functions and all, with bin/appliance run EVENT");
        }
        return ended.status() == ExecutionStatus.SUCCEEDED ? 0 : FAILED;
    }

    private void writeHistory(ObjectMapper json, Execution execution) {
        ObjectNode response = json.createObjectNode();
        ArrayNode events = response.putArray("events");
        execution.history().forEach(event -> events.add(event.toJson()));
        try {
            Files.writeString(Path.of(historyFile), json.writerWithDefaultPrettyPrinter().writeValueAsString(response));
        } catch (IOException e) {
            throw new UserError("cannot write the history to " + historyFile + ": " + e.getMessage());
        }
    }

    static ObjectNode toJson(ObjectMapper json, ExecutionResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("status", result.status().name());
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            node.set("output", result.output());
        } else {
            node.put("error", result.error());
            node.put("cause", result.cause());
        }
        return node;
    }
}
