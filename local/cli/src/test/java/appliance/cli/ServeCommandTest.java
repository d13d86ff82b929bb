package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path folder;

    private static ServeCommand parsed(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static Path projectTemplate() {
        return Path.of(System.getProperty("project.root")).resolve("template.yaml");
    }

    private static ServerOptions options(ServeCommand command) {
        return command.options(command.template());
    }

    @Test
    void with_a_project_template_it_listens_on_localhost_8083_keeps_executions_in_the_project_and_loads_its_mock_tests() {
        ServeCommand command = parsed("--template", projectTemplate().toString());
        ServerOptions options = options(command);

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8083);
        assertThat(options.database()).isEqualTo(ProjectFiles.root().resolve(".appliance").resolve("server-db"));
        assertThat(options.mockConfig().testCases()).containsOnlyKeys("CookWorkflow");
        assertThat(options.waitTimeScale()).isEqualTo(1.0);
    }

    @Test
    void with_no_template_here_it_starts_empty_in_memory_as_step_functions_local_does() {
        ServeCommand command = parsed();
        ServerOptions options = options(command);

        assertThat(command.template().resources()).isEmpty();
        assertThat(options.database()).isNull();
        assertThat(options.mockConfig()).isNull();
    }

    @Test
    void no_template_starts_empty_even_when_a_template_is_named() {
        assertThat(parsed("--no-template", "--template", projectTemplate().toString()).template().stateMachines()).isEmpty();
    }

    @Test
    void in_memory_keeps_no_database_and_db_names_one() {
        assertThat(options(parsed("--in-memory", "--template", projectTemplate().toString())).database()).isNull();
        assertThat(options(parsed("--db", "x/y")).database()).isEqualTo(Path.of("x/y"));
    }

    @Test
    void db_and_in_memory_exclude_each_other() {
        CommandRun run = CommandRun.of("serve", "--db", "x", "--in-memory");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void the_mock_config_is_read_from_its_file() throws Exception {
        Path mocks = folder.resolve("mocks.json");
        Files.writeString(mocks, "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1}}}}");

        ServerOptions options = options(parsed("--mock-config", mocks.toString(), "--in-memory"));

        assertThat(options.mockConfig().testCases()).containsOnlyKeys("M");
    }

    @Test
    void the_started_server_answers_the_step_functions_api() throws Exception {
        ServeCommand command = parsed("--port", "0", "--in-memory", "--template", projectTemplate().toString());
        try (TemplateServer running = command.start(options(command), command.template())) {
            StepFunctionsServer server = running.server();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                    .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"name\":\"CookWorkflow\"",
                    "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow");
        }
    }
}
