package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

class RestartTest {

    @TempDir
    Path folder;

    @Test
    void finished_executions_and_their_histories_survive_a_restart() throws Exception {
        Path database = folder.resolve("server-db");
        String machine;
        String succeeded;
        String failed;
        List<HistoryEvent> historyBefore;
        try (ServerFixture first = new ServerFixture(database)) {
            machine = first.createMachine("Kept", ServerFixture.task(ControllableTasks.ECHO));
            String failing = first.createMachine("KeptFailing", ServerFixture.task(ControllableTasks.FAIL));
            succeeded = first.sfn.startExecution(r -> r.stateMachineArn(machine).name("ok").input("{\"v\":1}"))
                    .executionArn();
            failed = first.sfn.startExecution(r -> r.stateMachineArn(failing).name("bad")).executionArn();
            first.awaitFinished(succeeded);
            first.awaitFinished(failed);
            historyBefore = first.sfn.getExecutionHistory(r -> r.executionArn(succeeded)).events();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            DescribeExecutionResponse ok = second.sfn.describeExecution(r -> r.executionArn(succeeded));
            DescribeExecutionResponse bad = second.sfn.describeExecution(r -> r.executionArn(failed));
            List<HistoryEvent> historyAfter = second.sfn.getExecutionHistory(r -> r.executionArn(succeeded)).events();

            assertThat(second.sfn.describeStateMachine(r -> r.stateMachineArn(machine)).name()).isEqualTo("Kept");
            assertThat(second.sfn.listExecutions(r -> r.stateMachineArn(machine)).executions())
                    .extracting(ExecutionListItem::name).containsExactly("ok");
            assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(ok.output()).isEqualTo("{\"v\":1}");
            assertThat(bad.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(bad.error()).isEqualTo("Custom.Error");
            assertThat(historyAfter).isEqualTo(historyBefore);
        }
    }

    @Test
    void an_execution_running_when_the_server_stops_is_aborted_with_its_history() throws Exception {
        Path database = folder.resolve("server-db");
        String running;
        try (ServerFixture first = new ServerFixture(database)) {
            String machine = first.createMachine("Interrupted", ServerFixture.task(ControllableTasks.HOLD));
            running = first.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            first.tasks.nextHeld();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            DescribeExecutionResponse described = second.sfn.describeExecution(r -> r.executionArn(running));
            List<HistoryEvent> history = second.sfn.getExecutionHistory(r -> r.executionArn(running)).events();

            assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(described.cause()).contains("server stopped");
            assertThat(history).extracting(HistoryEvent::typeAsString)
                    .startsWith("ExecutionStarted", "TaskStateEntered").endsWith("ExecutionAborted");
        }
    }

    @Test
    void a_second_server_on_a_port_in_use_is_refused_clearly() {
        try (ServerFixture first = new ServerFixture(folder.resolve("server-db"))) {
            assertThatThrownBy(() -> StepFunctionsServer.start(
                    new ServerOptions("127.0.0.1", first.server.port(), null, null), first.tasks, java.time.Clock.systemUTC()))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageStartingWith("Cannot listen on 127.0.0.1:" + first.server.port());
        }
    }

    @Test
    void a_row_left_running_by_a_crash_is_aborted_at_the_next_start() throws Exception {
        Path file = folder.resolve("crashed");
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        try (ExecutionDatabase database = ExecutionDatabase.openFile(file)) {
            database.insertStarted(new ExecutionRecord("arn:aws:states:us-east-1:123456789012:execution:M:lost",
                    "arn:aws:states:us-east-1:123456789012:stateMachine:M", "lost", "RUNNING", "{}", null, null, null,
                    start, null));
        }

        try (ServerFixture server = new ServerFixture(file)) {
            String arn = "arn:aws:states:us-east-1:123456789012:execution:M:lost";
            assertThat(server.sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(server.sfn.getExecutionHistory(r -> r.executionArn(arn)).events())
                    .extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "ExecutionAborted");
        }
    }
}
