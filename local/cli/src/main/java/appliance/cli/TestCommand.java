package appliance.cli;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.InvalidDefinitionException;
import appliance.engine.task.mock.MockConfig;
import appliance.runtime.mocktest.MockTestCase;
import appliance.runtime.mocktest.MockTestCases;
import appliance.runtime.mocktest.MockTestRunner;
import appliance.runtime.mocktest.TestCaseRun;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/appliance test}: runs the state machine of the template on each test case of its Step
 * Functions Local mock config (statemachine/test/MockConfigFile.json), checks each against
 * statemachine/test/test-cases.json, and prints each path and result.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the mock test cases of the state machine and checks what each ends in.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every test case passed", "1:a test case failed", "2:bad arguments or files"})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    /**
     * Only AWS_ACCOUNT_ID and AWS_DEFAULT_REGION are read from it (the test cases' executions are named in
     * them, as Step Functions Local names them); its options are serve's, run's and put-events'.
     */
    StepFunctionsLocalSettings identity = new StepFunctionsLocalSettings();

    @Option(names = "--test-case", paramLabel = "NAME", description = "Run only this test case.")
    String onlyTestCase;

    @Option(names = "--mock-config", paramLabel = "FILE", defaultValue = "statemachine/test/MockConfigFile.json",
            description = "The mock config (default: ${DEFAULT-VALUE}).")
    String mockConfigFile;

    @Option(names = "--test-cases", paramLabel = "FILE", defaultValue = "statemachine/test/test-cases.json",
            description = "Inputs and expected results of the test cases (default: ${DEFAULT-VALUE}).")
    String testCasesFile;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID", description = "The state machine, when the template has several.")
    String stateMachineId;

    @Override
    public Integer call() {
        SamTemplate template = templateOptions.load(identity.templateSettings());
        StateMachineResource machine = stateMachine(template);
        Path projectRoot = template.baseDirectory();
        StateMachineDefinition definition;
        try {
            definition = StateMachineDefinition.compile(JsonFiles.JSON.readTree(machine.definition()));
        } catch (InvalidDefinitionException | java.io.IOException e) {
            throw new UserError(machine.logicalId() + ": " + e.getMessage());
        }
        MockConfig mocks;
        List<MockTestCase> cases;
        try {
            mocks = MockConfig.parse(JsonFiles.read(inProject(projectRoot, mockConfigFile)));
            List<String> names = new ArrayList<>(mocks.testCases().getOrDefault(machine.name(), java.util.Map.of()).keySet());
            if (names.isEmpty()) {
                throw new UserError(mockConfigFile + " has no test cases for the state machine " + machine.name());
            }
            if (onlyTestCase != null) {
                if (!names.contains(onlyTestCase)) {
                    throw new UserError("no test case " + onlyTestCase + " in " + mockConfigFile + "; its test cases are "
                            + String.join(", ", names));
                }
                names = List.of(onlyTestCase);
            }
            String casesFile = inProject(projectRoot, testCasesFile);
            JsonNode expectations = Files.exists(ProjectFiles.resolve(casesFile)) ? JsonFiles.read(casesFile) : null;
            cases = MockTestCases.of(names, expectations, projectRoot);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        MockTestRunner runner = new MockTestRunner(definition, machine.name(), template.settings().region(),
                template.settings().accountId(), mocks, Clock.systemUTC().instant(), new SecureRandom());
        PrintWriter out = spec.commandLine().getOut();
        int width = cases.stream().mapToInt(testCase -> testCase.name().length()).max().orElse(10);
        int passed = 0;
        for (MockTestCase testCase : cases) {
            TestCaseRun run = runner.run(testCase);
            passed += run.passed() ? 1 : 0;
            String result = run.result().status() + (run.result().error() == null ? ""
                    : " " + run.result().error() + ": " + run.result().cause());
            out.printf("%-" + width + "s  %s  %s%n", run.name(), run.passed() ? "PASS" : "FAIL", result);
            out.printf("%-" + width + "s        %s%s%n", "", String.join(" -> ", run.path()),
                    run.retries().isEmpty() ? "" : "  (retries: " + run.retries() + ")");
            for (String mismatch : run.mismatches()) {
                out.printf("%-" + width + "s        ! %s%n", "", mismatch);
            }
        }
        out.printf("%d passed, %d failed%n", passed, cases.size() - passed);
        return passed == cases.size() ? 0 : 1;
    }

    private StateMachineResource stateMachine(SamTemplate template) {
        if (stateMachineId != null) {
            return template.stateMachine(stateMachineId).orElseThrow(() -> new UserError(
                    "no state machine " + stateMachineId + " in " + templateOptions.template));
        }
        if (template.stateMachines().size() != 1) {
            throw new UserError("the template has " + template.stateMachines().size()
                    + " state machines; say which with --state-machine");
        }
        return template.stateMachines().get(0);
    }

    /** A default file is relative to the template's folder; a file the user names, to where they are. */
    private static String inProject(Path projectRoot, String file) {
        Path path = Path.of(file);
        return path.isAbsolute() || Files.exists(path) ? file : projectRoot.resolve(file).toString();
    }
}
