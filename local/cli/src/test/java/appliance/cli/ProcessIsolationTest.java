package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Functions in processes of their own: the Node.js seed example through run, and serve outliving a function. */
class ProcessIsolationTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root"));
    private static final Path EXAMPLE = ROOT.resolve("examples/seed-nodejs");

    private static final Path PROCESS_TEMPLATE = Path.of("src/test/resources/process-template").toAbsolutePath();

    private static void assumeNode() {
        assumeOnPath("node");
    }

    private static void assumeOnPath(String executable) {
        boolean found = List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, executable)));
        Assumptions.assumeTrue(found, executable + " is not installed: its function tests are skipped");
    }

    @Test
    void run_takes_a_python_function_then_a_bootstrap_function_through_a_state_machine() throws Exception {
        assumeOnPath("python3");
        Path input = Files.createTempFile("polyglot", ".json");
        Files.writeString(input, "{\"n\":21}");

        CommandRun run = CommandRun.of("run", "--json", "--template", PROCESS_TEMPLATE.resolve("template.yaml").toString(),
                "--state-machine", "PolyglotMachine", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JsonFiles.JSON.readTree(run.out());
        assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.get("output").get("echo").get("n").asInt()).isEqualTo(42);
        assertThat(report.get("output").get("handler").asText()).isEqualTo("echo.handler");
    }

    @Test
    void the_seed_example_prints_the_seeds_messages_as_the_command_a_user_runs() throws Exception {
        assumeNode();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(java.toString(), "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ApplianceCommand.class.getName(), "run", "--template", EXAMPLE.resolve("template.yaml").toString(),
                EXAMPLE.resolve("events/sns-preset-ended-early.json").toString(),
                EXAMPLE.resolve("events/sns-custom-ended-early.json").toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("[SeedMicrowaveFunction] \"User ended popcorn preset early\"",
                "[SeedMicrowaveFunction] \"User ended custom cook time early\"",
                "INFO Loading function", "MicrowaveEventsTopic -> lambda SeedMicrowaveFunction");
    }

    @Test
    void the_projects_workflow_runs_with_every_function_in_a_process() {
        CommandRun run = CommandRun.of("run", "--isolation", "process", "--json", "--template",
                ROOT.resolve("template.yaml").toString(), ROOT.resolve("events/preset-ended-early.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"status\":\"SUCCEEDED\"", "User ended popcorn preset early");
    }

    @Test
    void invoke_runs_a_java_function_in_a_process_through_aws_runtime_interface_client() {
        CommandRun run = CommandRun.of("invoke", "--quiet", "--isolation", "process", "--template",
                ROOT.resolve("template.yaml").toString(), "ClassifyCookFunction",
                ROOT.resolve("events/sns-custom-ended-early.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"EARLY_END_CUSTOM\"", "User ended custom cook time early");
    }

    @Test
    void an_isolation_that_does_not_exist_is_refused_with_the_values_it_takes() {
        CommandRun run = CommandRun.of("run", "--isolation", "container", "--template",
                ROOT.resolve("template.yaml").toString(), ROOT.resolve("events/preset-ended-early.json").toString());

        assertThat(run.exitCode()).isEqualTo(ApplianceCommand.USER_ERROR);
        assertThat(run.err()).contains("--isolation takes process or in-process, not 'container'");
    }

    @Test
    void serve_outlives_a_function_that_ends_its_process_and_other_executions_finish() throws Exception {
        assumeNode();
        assumeOnPath("python3");
        SamTemplate template = SamTemplate.load(PROCESS_TEMPLATE.resolve("template.yaml"));
        try (TemplateServer running = TemplateServer.start(ServerOptions.inMemory(0), template,
                LocalOptions.defaults().withIsolation(LambdaIsolation.PROCESS), Clock.systemUTC())) {
            StepFunctionsServer server = running.server();
            String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:StepMachine";

            String exiting = server.startExecution(machine, "exits", "{\"exit\":3}");
            String other = server.startExecution(machine, "answers", "{\"n\":1}");
            server.finished(exiting).get(60, TimeUnit.SECONDS);
            server.finished(other).get(60, TimeUnit.SECONDS);
            String after = server.startExecution(machine, "after", "{\"n\":2}");
            server.finished(after).get(60, TimeUnit.SECONDS);

            String polyglot = server.startExecution(
                    "arn:aws:states:us-east-1:123456789012:stateMachine:PolyglotMachine", "polyglot", "{\"n\":4}");
            server.finished(polyglot).get(60, TimeUnit.SECONDS);

            JsonNode failed = describe(server, exiting);
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).isEqualTo("Runtime.ExitError");
            assertThat(failed.get("cause").asText()).contains("Runtime exited with error: exit status 3");
            assertThat(describe(server, other).get("output").asText()).isEqualTo("{\"answered\":1}");
            assertThat(describe(server, after).get("output").asText()).isEqualTo("{\"answered\":2}");
            assertThat(JsonFiles.JSON.readTree(describe(server, polyglot).get("output").asText())
                    .get("echo").get("n").asInt()).isEqualTo(8);
        }
    }

    private static JsonNode describe(StepFunctionsServer server, String executionArn) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.endpoint())
                .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"executionArn\":\"" + executionArn + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return JsonFiles.JSON.readTree(response.body());
    }
}
