package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.definition.Json;
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
    void a_standard_execution_running_when_the_server_stops_resumes_and_its_task_in_flight_is_called_again()
            throws Exception {
        Path database = folder.resolve("server-db");
        String running;
        try (ServerFixture first = new ServerFixture(database)) {
            String machine = first.createMachine("Interrupted", ServerFixture.task(ControllableTasks.HOLD));
            running = first.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":7}")).executionArn();
            first.tasks.nextHeld();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            assertThat(second.sfn.describeExecution(r -> r.executionArn(running)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"done\":true}"));
            assertThat(second.awaitFinished(running)).isEqualTo("SUCCEEDED");
            DescribeExecutionResponse described = second.sfn.describeExecution(r -> r.executionArn(running));
            List<HistoryEvent> history = second.sfn.getExecutionHistory(r -> r.executionArn(running)).events();

            assertThat(described.output()).isEqualTo("{\"done\":true}");
            assertThat(history).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                    "TaskStateExited", "ExecutionSucceeded");
            assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void an_express_execution_runs_again_from_its_start_and_a_synchronous_one_ends_aborted() throws Exception {
        Path database = folder.resolve("server-db");
        String async;
        java.util.concurrent.CompletableFuture<software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse> sync;
        try (ServerFixture first = new ServerFixture(database)) {
            String machine = first.sfn.createStateMachine(r -> r.name("Quick").type("EXPRESS")
                    .definition(ServerFixture.task(ControllableTasks.HOLD)).roleArn(ServerFixture.ROLE)).stateMachineArn();
            async = first.sfn.startExecution(r -> r.stateMachineArn(machine).name("async")).executionArn();
            first.tasks.nextHeld();
            sync = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> first.sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("sync")));
            first.tasks.nextHeld();
        }
        software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse answered =
                sync.get(30, java.util.concurrent.TimeUnit.SECONDS);
        // StartSyncExecution's statuses are SUCCEEDED, FAILED and TIMED_OUT; DescribeExecution says ABORTED.
        assertThat(answered.statusAsString()).isEqualTo("FAILED");
        assertThat(answered.cause()).contains("at most once");

        try (ServerFixture second = new ServerFixture(database)) {
            second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"again\":true}"));
            assertThat(second.awaitFinished(async)).isEqualTo("SUCCEEDED");
            assertThat(second.sfn.getExecutionHistory(r -> r.executionArn(async)).events())
                    .extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted", "TaskStateEntered",
                            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                            "TaskStateExited", "ExecutionSucceeded");
            DescribeExecutionResponse aborted = second.sfn.describeExecution(r -> r.executionArn(answered.executionArn()));
            assertThat(aborted.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(aborted.cause()).contains("at most once");
        }
    }

    @Test
    void a_wait_in_progress_at_a_stop_waits_out_its_time_after_the_restart() throws Exception {
        Path database = folder.resolve("server-db");
        String waiting;
        try (ServerFixture first = new ServerFixture(database)) {
            String machine = first.createMachine("Waiting", """
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "Next": "P"},
                     "P": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()"}, "End": true}}}""");
            waiting = first.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            assertThat(second.awaitFinished(waiting)).isEqualTo("SUCCEEDED");
            List<HistoryEvent> history = second.sfn.getExecutionHistory(r -> r.executionArn(waiting)).events();

            assertThat(history).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                    "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
            assertThat(history.get(2).timestamp()).isAfterOrEqualTo(history.get(1).timestamp().plusSeconds(1));
        }
    }

    @Test
    void errors_causes_and_inputs_of_every_size_aws_allows_are_kept_whole() throws Exception {
        Path database = folder.resolve("server-db");
        String cause = "c".repeat(32_768);
        String input = "{\"big\":\"" + "x".repeat(Executions.MAX_INPUT_BYTES - 12) + "\"}";
        String failed;
        String big;
        try (ServerFixture first = new ServerFixture(database)) {
            String failing = first.createMachine("LongCause", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                    + "\"Error\":\"" + "E".repeat(256) + "\",\"Cause\":\"" + cause + "\"}}}");
            String echo = first.createMachine("BigInput", ServerFixture.pass("{\"ok\":true}"));
            failed = first.sfn.startExecution(r -> r.stateMachineArn(failing)).executionArn();
            big = first.sfn.startExecution(r -> r.stateMachineArn(echo).input(input)).executionArn();
            first.awaitFinished(failed);
            first.awaitFinished(big);
        }

        try (ServerFixture second = new ServerFixture(database)) {
            DescribeExecutionResponse bad = second.sfn.describeExecution(r -> r.executionArn(failed));
            assertThat(bad.error()).isEqualTo("E".repeat(256));
            assertThat(bad.cause()).isEqualTo(cause);
            assertThat(second.sfn.describeExecution(r -> r.executionArn(big)).input()).isEqualTo(input);
        }
    }

    @Test
    void a_second_server_on_a_store_in_use_is_refused_in_one_line() {
        Path database = folder.resolve("server-db");
        try (ServerFixture first = new ServerFixture(database)) {
            assertThatThrownBy(() -> StepFunctionsServer.start(
                    new ServerOptions("127.0.0.1", 0, database, null), first.tasks, java.time.Clock.systemUTC()))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageStartingWith("The store ").hasMessageContaining("is in use by another server")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
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
}
