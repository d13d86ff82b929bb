package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class ExecutionActionsTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void an_execution_runs_to_success_and_is_described_with_its_input_and_output() throws Exception {
        String machine = fixture.createMachine("Echo", ServerFixture.task(ControllableTasks.ECHO));

        StartExecutionResponse started = fixture.sfn.startExecution(
                r -> r.stateMachineArn(machine).name("first").input("{\"x\":1}"));
        assertThat(fixture.awaitFinished(started.executionArn())).isEqualTo("SUCCEEDED");
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(started.executionArn()));

        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Echo:first");
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.stateMachineArn()).isEqualTo(machine);
        assertThat(described.name()).isEqualTo("first");
        assertThat(described.input()).isEqualTo("{\"x\":1}");
        assertThat(described.output()).isEqualTo("{\"x\":1}");
        assertThat(described.startDate()).isEqualTo(started.startDate());
        assertThat(described.stopDate()).isAfterOrEqualTo(described.startDate());
    }

    @Test
    void the_state_machine_of_an_execution_is_described() throws Exception {
        String definition = ServerFixture.pass("1");
        String machine = fixture.createMachine("Described", definition);
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.awaitFinished(arn);

        fixture.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(ServerFixture.pass("2")));

        var described = fixture.sfn.describeStateMachineForExecution(r -> r.executionArn(arn));

        assertThat(described.stateMachineArn()).isEqualTo(machine);
        assertThat(described.definition()).as("the definition the execution ran").isEqualTo(definition);
        assertThat(described.name()).isEqualTo("Described");
    }

    @Test
    void a_failed_execution_keeps_its_error_and_cause() throws Exception {
        String machine = fixture.createMachine("Failing", ServerFixture.task(ControllableTasks.FAIL));

        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.awaitFinished(arn);
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(arn));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("Custom.Error");
        assertThat(described.cause()).isEqualTo("it failed");
        assertThat(described.output()).isNull();
        assertThat(described.input()).isEqualTo("{}");
    }

    @Test
    void a_name_reused_with_the_same_input_while_running_returns_the_same_execution() throws Exception {
        String machine = fixture.createMachine("Held", ServerFixture.task(ControllableTasks.HOLD));

        StartExecutionResponse first = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("n").input("{\"a\":1}"));
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> call = fixture.tasks.nextHeld();
        StartExecutionResponse again = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("n").input("{\"a\":1}"));

        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(first.executionArn())).status())
                .isEqualTo(ExecutionStatus.RUNNING);
        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("n").input("{\"a\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageStartingWith("Execution Already Exists: '" + first.executionArn() + "'");

        call.complete(JsonNodeFactory.instance.objectNode());
        fixture.awaitFinished(first.executionArn());
        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("n").input("{\"a\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void stop_aborts_a_running_execution_with_the_given_error_and_cause() throws Exception {
        String machine = fixture.createMachine("ToStop", ServerFixture.task(ControllableTasks.HOLD));
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.tasks.nextHeld();

        StopExecutionResponse stopped = fixture.sfn.stopExecution(r -> r.executionArn(arn).error("Halt").cause("enough"));
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(arn));

        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.error()).isEqualTo("Halt");
        assertThat(described.cause()).isEqualTo("enough");
        assertThat(described.stopDate()).isEqualTo(stopped.stopDate());
        assertThat(fixture.sfn.getExecutionHistory(r -> r.executionArn(arn).reverseOrder(true)).events().get(0).typeAsString())
                .isEqualTo("ExecutionAborted");
    }

    @Test
    void bad_starts_are_refused_as_aws_refuses_them() {
        String machine = fixture.createMachine("Checked", ServerFixture.pass("1"));

        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{not json")))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageStartingWith("Invalid State Machine Execution Input: '");
        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("a/b")))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> fixture.sfn.startExecution(r -> r.stateMachineArn(machine)
                .input("\"" + "x".repeat(262_144) + "\"")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 262144");
        assertThatThrownBy(() -> fixture.sfn.startExecution(
                r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Nope")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void an_unknown_execution_does_not_exist_and_a_bad_arn_is_invalid() {
        String missing = "arn:aws:states:us-east-1:123456789012:execution:Nope:none";

        assertThatThrownBy(() -> fixture.sfn.describeExecution(r -> r.executionArn(missing)))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .hasMessageStartingWith("Execution Does Not Exist: '" + missing + "'");
        assertThatThrownBy(() -> fixture.sfn.getExecutionHistory(r -> r.executionArn(missing)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> fixture.sfn.stopExecution(r -> r.executionArn(missing)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> fixture.sfn.describeExecution(r -> r.executionArn("arn:aws:states:nope")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void list_filters_by_status_and_pages_newest_first() throws Exception {
        String machine = fixture.createMachine("Many", ServerFixture.task(ControllableTasks.ECHO));
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("e" + n)).executionArn();
            fixture.awaitFinished(arn);
            started.add(arn);
        }
        String failing = fixture.createMachine("HoldsOne", ServerFixture.task(ControllableTasks.HOLD));
        fixture.sfn.startExecution(r -> r.stateMachineArn(failing).name("waiting"));
        fixture.tasks.nextHeld();

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListExecutionsResponse page = fixture.sfn.listExecutions(
                    r -> r.stateMachineArn(machine).maxResults(2).nextToken(current));
            page.executions().stream().map(ExecutionListItem::executionArn).forEach(listed::add);
            token = page.nextToken();
        } while (token != null);

        assertThat(listed).containsExactly(started.get(4), started.get(3), started.get(2), started.get(1), started.get(0));
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED))
                .executions()).isEmpty();
        assertThat(fixture.sfn.listExecutions(r -> r.stateMachineArn(failing).statusFilter(ExecutionStatus.RUNNING))
                .executions()).extracting(ExecutionListItem::name).containsExactly("waiting");
        assertThatThrownBy(() -> fixture.sfn.listExecutions(r -> r.stateMachineArn(failing).nextToken(
                fixture.sfn.listExecutions(q -> q.stateMachineArn(machine).maxResults(1)).nextToken())))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidTokenException.class);
    }

    @Test
    void a_sync_execution_of_an_express_machine_answers_with_its_result() {
        String machine = fixture.sfn.createStateMachine(r -> r.name("Quick").roleArn(ServerFixture.ROLE)
                .type("EXPRESS").definition(ServerFixture.task(ControllableTasks.ECHO))).stateMachineArn();
        String standard = fixture.createMachine("Slow", ServerFixture.pass("1"));

        var response = fixture.sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("now").input("{\"k\":\"v\"}"));

        assertThat(response.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(response.output()).isEqualTo("{\"k\":\"v\"}");
        assertThat(response.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:express:Quick:now");
        assertThat(response.billingDetails().billedDurationInMilliseconds()).isPositive();
        assertThatThrownBy(() -> fixture.sfn.startSyncExecution(r -> r.stateMachineArn(standard)))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException.class);
    }
}
