package appliance.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * appliance-local.jar run as a process in a project that is not this one (the greeter, copied to a
 * temporary folder, no repository around it): each command a user of the jar runs.
 */
class UsersProjectIT {

    @TempDir
    static Path folder;

    private static Path project;

    @BeforeAll
    static void copy_the_users_project() throws Exception {
        project = UsersProject.copyTo(folder.resolve("greeter"));
    }

    @Test
    void graph_draws_the_users_state_machine() throws Exception {
        Processes.Result graph = LocalJar.run(project, Map.of(), "graph");

        assertThat(graph.exitCode()).as(graph.output()).isZero();
        assertThat(graph.output()).contains("flowchart TD", "Pick greeting", "Deliver greeting");
    }

    @Test
    void execute_runs_one_definition_on_one_input() throws Exception {
        Processes.Result execute = LocalJar.run(project, Map.of(), "execute", "--definition", "statemachine/greeter.asl.json",
                "--input", "events/en.json");

        assertThat(execute.exitCode()).as(execute.output()).isZero();
        assertThat(execute.output()).contains("\"SUCCEEDED\"", "Hello, Ada!");
    }

    @Test
    void test_runs_the_users_mock_test_cases() throws Exception {
        Processes.Result test = LocalJar.run(project, Map.of(), "test");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("FrenchDelivered", "FrenchUndeliverable", "2 passed, 0 failed");
    }

    @Test
    void run_runs_an_event_through_the_users_template() throws Exception {
        Processes.Result run = LocalJar.run(project, Map.of(), "run", "events/en.json", "--json");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"SUCCEEDED\"", "Hello, Ada!");
    }

    @Test
    void serve_holds_the_users_machine_and_runs_its_mock_test_cases_by_default() throws Exception {
        try (LocalJar jar = LocalJar.serve(project, Map.of()); SfnClient sfn = Clients.sfn(jar.endpoint())) {
            String greeter = sfn.listStateMachines().stateMachines().get(0).stateMachineArn();

            StartSyncExecutionResponse mocked = sfn.startSyncExecution(r -> r.stateMachineArn(greeter + "#FrenchDelivered")
                    .input("{\"name\": \"Amélie\", \"lang\": \"fr\"}"));
            StartSyncExecutionResponse unmocked = sfn.startSyncExecution(r -> r.stateMachineArn(greeter)
                    .input("{\"name\": \"Amélie\", \"lang\": \"fr\"}"));

            assertThat(greeter).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Greeter");
            assertThat(mocked.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
            assertThat(mocked.output()).contains("Bonjour, Amélie !", "\"delivered\":true");
            assertThat(unmocked.status()).as("unmocked, the task calls Lambda, where the project has no such function")
                    .isEqualTo(SyncExecutionStatus.FAILED);
            assertThat(unmocked.error()).isEqualTo("Lambda.ResourceNotFoundException");
        }
    }

    @Test
    void serve_with_no_template_starts_empty_even_in_a_project() throws Exception {
        try (LocalJar jar = LocalJar.serve(project, Map.of(), "--no-template"); SfnClient sfn = Clients.sfn(jar.endpoint())) {
            assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
            assertThat(jar.output()).contains("started empty");
        }
    }
}
