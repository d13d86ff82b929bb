package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.run.ExecutionIdentity;
import appliance.engine.task.TaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** An owner that runs its machines' executions itself gets StartExecution's requests once the server has checked them. */
class ExecutionStarterTest {

    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

    /** What the owner was handed. */
    private record Handed(ExecutionIdentity identity, JsonNode input, TaskInvoker tasks) {
    }

    @Test
    void a_checked_start_is_handed_to_the_owner_with_the_servers_arn_and_the_machines_tasks() {
        List<Handed> handed = new CopyOnWriteArrayList<>();
        try (ServerFixture fixture = new ServerFixture(ServerOptions.inMemory(0))) {
            fixture.server.startExecutionsWith((identity, input, tasks) -> {
                handed.add(new Handed(identity, input, tasks));
                return STARTED;
            });
            String machine = fixture.createMachine("Owned", ServerFixture.pass("{}"));

            StartExecutionResponse response = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("one")
                    .input("{\"a\":1}"));

            assertThat(response.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Owned:one");
            assertThat(response.startDate()).isEqualTo(STARTED);
            assertThat(handed).singleElement().satisfies(start -> {
                assertThat(start.identity().executionArn()).isEqualTo(response.executionArn());
                assertThat(start.identity().stateMachineArn()).isEqualTo(machine);
                assertThat(start.input().path("a").asInt()).isEqualTo(1);
                // The machine's tasks, inside the server's own integrations (callbacks, activities, nested runs).
                assertThat(start.tasks()).isNotNull();
            });
            // The owner keeps it: the server has no execution of its own.
            ListExecutionsResponse listed = fixture.sfn.listExecutions(r -> r.stateMachineArn(machine));
            assertThat(listed.executions()).isEmpty();
        }
    }

    @Test
    void an_input_over_256_kib_is_refused_as_aws_does_and_never_reaches_the_owner() {
        List<Handed> handed = new CopyOnWriteArrayList<>();
        try (ServerFixture fixture = new ServerFixture(ServerOptions.inMemory(0))) {
            fixture.server.startExecutionsWith((identity, input, tasks) -> {
                handed.add(new Handed(identity, input, tasks));
                return STARTED;
            });
            String machine = fixture.createMachine("Owned", ServerFixture.pass("{}"));
            String oversized = "\"" + "x".repeat(Executions.MAX_INPUT_BYTES) + "\"";

            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input(oversized)))
                    .isInstanceOfSatisfying(SfnException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.getMessage()).contains("Member must have length less than or equal to 262144");
                    });
            assertThat(handed).isEmpty();
        }
    }

    @Test
    void the_owners_refusal_is_the_answer() {
        try (ServerFixture fixture = new ServerFixture(ServerOptions.inMemory(0))) {
            fixture.server.startExecutionsWith((identity, input, tasks) -> {
                throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + identity.executionArn() + "'");
            });
            String machine = fixture.createMachine("Owned", ServerFixture.pass("{}"));

            assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("one")))
                    .isInstanceOf(ExecutionAlreadyExistsException.class)
                    .hasMessageContaining("execution:Owned:one");
        }
    }

    @Test
    void a_machine_the_owner_does_not_take_runs_on_the_server() throws Exception {
        try (ServerFixture fixture = new ServerFixture(ServerOptions.inMemory(0))) {
            fixture.server.startExecutionsWith((identity, input, tasks) -> null);
            String machine = fixture.createMachine("NotOwned", ServerFixture.pass("{}"));

            String execution = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

            assertThat(fixture.awaitFinished(execution)).isEqualTo("SUCCEEDED");
        }
    }
}
