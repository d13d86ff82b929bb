package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** A state machine starting another on the same server: request, .sync, .sync:2 and .waitForTaskToken. */
class NestedExecutionsTest {

    private static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A parent whose one Task starts {@code child} as {@code resource}, naming the child execution "kid". */
    private String parent(String resource, String child, String extraInput) {
        return fixture.createMachine("Parent", """
                {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"%s","Parameters":{
                  "StateMachineArn":"%s","Name":"kid",
                  "Input":{"dish.$":"$.dish","AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":"$$.Execution.Id"%s}},
                  "End":true}}}""".formatted(resource, child, extraInput));
    }

    private String start(String machine) {
        return fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("p").input("{\"dish\":\"soup\"}"))
                .executionArn();
    }

    private JsonNode output(String execution) throws Exception {
        return Json.MAPPER.readTree(fixture.sfn.describeExecution(r -> r.executionArn(execution)).output());
    }

    private List<String> types(String execution) {
        return fixture.sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream()
                .map(HistoryEvent::typeAsString).toList();
    }

    @Test
    void start_execution_starts_the_child_and_answers_its_arn_and_start_date_at_once() throws Exception {
        String child = fixture.createMachine("Child", ServerFixture.pass("{\"cooked\":true}"));
        String parent = start(parent("arn:aws:states:::states:startExecution", child, ""));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("SUCCEEDED");
        JsonNode output = output(parent);
        String childExecution = PREFIX + "execution:Child:kid";
        assertThat(output.get("ExecutionArn").asText()).isEqualTo(childExecution);
        assertThat(output.get("StartDate").isIntegralNumber()).isTrue();
        assertThat(types(parent)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        assertThat(fixture.awaitFinished(childExecution)).isEqualTo("SUCCEEDED");
        JsonNode childInput = Json.MAPPER.readTree(fixture.sfn.describeExecution(r -> r.executionArn(childExecution)).input());
        assertThat(childInput.get("dish").asText()).isEqualTo("soup");
        assertThat(childInput.get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText()).isEqualTo(parent);
    }

    @Test
    void sync_waits_for_the_child_and_answers_it_described_with_output_as_json_text() throws Exception {
        String child = fixture.createMachine("Child", ServerFixture.pass("{\"cooked\":true}"));
        String parent = start(parent("arn:aws:states:::states:startExecution.sync", child, ""));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("SUCCEEDED");
        JsonNode output = output(parent);
        assertThat(output.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(output.get("Output").asText()).isEqualTo("{\"cooked\":true}");
        assertThat(output.get("Input").isTextual()).isTrue();
        assertThat(output.get("Name").asText()).isEqualTo("kid");
        assertThat(output.get("StateMachineArn").asText()).isEqualTo(child);
        assertThat(output.get("StopDate").isIntegralNumber()).isTrue();
        assertThat(types(parent)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent submitted = fixture.sfn.getExecutionHistory(r -> r.executionArn(parent)).events().get(4);
        assertThat(submitted.taskSubmittedEventDetails().resource()).isEqualTo("startExecution.sync");
        assertThat(Json.MAPPER.readTree(submitted.taskSubmittedEventDetails().output()).get("ExecutionArn").asText())
                .isEqualTo(PREFIX + "execution:Child:kid");
    }

    @Test
    void sync_2_answers_the_child_with_input_and_output_as_json() throws Exception {
        String child = fixture.createMachine("Child", ServerFixture.pass("{\"cooked\":true}"));
        String parent = start(parent("arn:aws:states:::states:startExecution.sync:2", child, ""));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("SUCCEEDED");
        JsonNode output = output(parent);
        assertThat(output.get("Output")).isEqualTo(Json.MAPPER.readTree("{\"cooked\":true}"));
        assertThat(output.get("Input").get("dish").asText()).isEqualTo("soup");
    }

    @Test
    void a_child_that_fails_fails_the_parents_task_with_states_task_failed() throws Exception {
        String child = fixture.createMachine("Child", """
                {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Kitchen.Fire","Cause":"smoke"}}}""");
        String parent = start(parent("arn:aws:states:::states:startExecution.sync:2", child, ""));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("FAILED");
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(parent));
        assertThat(described.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = Json.MAPPER.readTree(described.cause());
        assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.get("Error").asText()).isEqualTo("Kitchen.Fire");
        assertThat(types(parent)).contains("TaskSubmitted", "TaskFailed");
    }

    @Test
    void a_child_that_cannot_start_fails_the_task_with_the_step_functions_error() throws Exception {
        String parent = start(parent("arn:aws:states:::states:startExecution", PREFIX + "stateMachine:Missing", ""));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("FAILED");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(parent)).error())
                .isEqualTo("StepFunctions.StateMachineDoesNotExist");
    }

    @Test
    void stopping_the_parent_stops_the_child_its_sync_task_waits_for() throws Exception {
        String child = fixture.createMachine("Child", ServerFixture.task(ControllableTasks.HOLD));
        String parent = start(parent("arn:aws:states:::states:startExecution.sync", child, ""));
        fixture.tasks.nextHeld();

        fixture.sfn.stopExecution(r -> r.executionArn(parent));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("ABORTED");
        assertThat(fixture.awaitFinished(PREFIX + "execution:Child:kid")).isEqualTo("ABORTED");
    }

    @Test
    void a_sync_task_that_times_out_stops_the_child_it_waited_for() throws Exception {
        // Timers take no time at all on this server (scale 0): the parent's 30 s run out at once.
        try (ServerFixture instant = new ServerFixture(new ServerOptions("127.0.0.1", 0, null, null, null, 0.0))) {
            String child = instant.createMachine("Child", ServerFixture.task(ControllableTasks.HOLD));
            String parent = instant.createMachine("Parent", """
                    {"StartAt":"Start","States":{"Start":{"Type":"Task","TimeoutSeconds":30,
                      "Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{
                      "StateMachineArn":"%s","Name":"kid","Input":{}},"End":true}}}""".formatted(child));
            String run = instant.sfn.startExecution(r -> r.stateMachineArn(parent).name("p")).executionArn();

            assertThat(instant.awaitFinished(run)).isEqualTo("FAILED");
            assertThat(instant.sfn.describeExecution(r -> r.executionArn(run)).error()).isEqualTo("States.Timeout");
            // The parent can end before the server's nested-call thread has made the child: ask until it is there.
            String kid = PREFIX + "execution:Child:kid";
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (instant.sfn.listExecutions(r -> r.stateMachineArn(child)).executions().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(instant.awaitFinished(kid)).isEqualTo("ABORTED");
        }
    }

    @Test
    void wait_for_task_token_starts_the_child_and_waits_for_its_token() throws Exception {
        String child = fixture.createMachine("Child", ServerFixture.task(ControllableTasks.HOLD));
        String parent = start(parent("arn:aws:states:::states:startExecution.waitForTaskToken", child,
                ",\"token.$\":\"$$.Task.Token\""));
        fixture.tasks.nextHeld();
        String childExecution = PREFIX + "execution:Child:kid";
        String token = Json.MAPPER.readTree(fixture.sfn.describeExecution(r -> r.executionArn(childExecution)).input())
                .get("token").asText();

        fixture.sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"from\":\"child\"}"));

        assertThat(fixture.awaitFinished(parent)).isEqualTo("SUCCEEDED");
        assertThat(output(parent)).isEqualTo(Json.MAPPER.readTree("{\"from\":\"child\"}"));
        assertThat(types(parent)).contains("TaskSubmitted");
    }

    @Test
    void a_sync_parent_and_its_named_child_running_at_a_restart_resume_and_the_parent_waits_for_the_same_child(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        fixture.close();
        java.nio.file.Path database = folder.resolve("db");
        String parent;
        try (ServerFixture first = new ServerFixture(database)) {
            String child = first.createMachine("Child", ServerFixture.task(ControllableTasks.HOLD));
            String machine = first.createMachine("Parent", """
                    {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                      "Parameters":{"StateMachineArn":"%s","Name":"kid","Input":{"n":1}},"End":true}}}""".formatted(child));
            parent = first.sfn.startExecution(r -> r.stateMachineArn(machine).name("p")).executionArn();
            first.tasks.nextHeld();
        }

        try (ServerFixture second = new ServerFixture(database)) {
            second.tasks.nextHeld().complete(Json.MAPPER.readTree("{\"done\":true}"));

            assertThat(second.awaitFinished(parent)).isEqualTo("SUCCEEDED");
            JsonNode output = Json.MAPPER.readTree(second.sfn.describeExecution(r -> r.executionArn(parent)).output());
            assertThat(output.get("ExecutionArn").asText()).isEqualTo(PREFIX + "execution:Child:kid");
            assertThat(output.get("Output")).isEqualTo(Json.MAPPER.readTree("{\"done\":true}"));
            assertThat(second.sfn.listExecutions(r -> r.stateMachineArn(PREFIX + "stateMachine:Child")).executions())
                    .hasSize(1);
        }
    }
}
