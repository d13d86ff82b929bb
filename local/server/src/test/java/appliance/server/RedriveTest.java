package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

class RedriveTest {

    /** A Pass, then a task the test answers. */
    private static final String PASS_THEN_HELD = "{\"StartAt\":\"Prepare\",\"States\":{"
            + "\"Prepare\":{\"Type\":\"Pass\",\"Result\":{\"ready\":true},\"Next\":\"Work\"},"
            + "\"Work\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.HOLD + "\",\"End\":true}}}";

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void fail(CompletableFuture<com.fasterxml.jackson.databind.JsonNode> call) {
        call.completeExceptionally(new StatesFailure("Flaky.Error", "not this time"));
    }

    private List<HistoryEvent> history(String arn) {
        return fixture.sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000)).events();
    }

    private static long count(List<HistoryEvent> events, HistoryEventType type) {
        return events.stream().filter(event -> event.type() == type).count();
    }

    /**
     * The events after ExecutionRedriven (at {@code redrivenIndex}) each follow the one before: the task
     * scheduled again follows ExecutionRedriven, as AWS links a redriven step's events.
     */
    static void assertChainedAfterRedrive(List<HistoryEvent> events, int redrivenIndex) {
        HistoryEvent redriven = events.get(redrivenIndex);
        assertThat(redriven.type()).isEqualTo(HistoryEventType.EXECUTION_REDRIVEN);
        for (int i = redrivenIndex + 1; i < events.size(); i++) {
            assertThat(events.get(i).previousEventId()).as("event %s %s follows the one before",
                    events.get(i).id(), events.get(i).type()).isEqualTo(events.get(i - 1).id());
        }
    }

    @Test
    void a_redriven_execution_goes_on_from_the_failed_task_and_keeps_what_succeeded() throws Exception {
        String machine = fixture.createMachine("Flaky", PASS_THEN_HELD);
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("once")).executionArn();
        fail(fixture.tasks.nextHeld());
        assertThat(fixture.awaitFinished(arn)).isEqualTo("FAILED");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).redriveStatus())
                .isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        int failedHistory = history(arn).size();

        var redriven = fixture.sfn.redriveExecution(r -> r.executionArn(arn));
        fixture.tasks.nextHeld().complete(JsonNodeFactory.instance.objectNode().put("done", true));
        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        DescribeExecutionResponse described = fixture.sfn.describeExecution(r -> r.executionArn(arn));
        List<HistoryEvent> events = history(arn);

        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.output()).isEqualTo("{\"done\":true}");
        assertThat(described.redriveCount()).isEqualTo(1);
        assertThat(described.redriveDate()).isEqualTo(redriven.redriveDate());
        assertThat(described.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(described.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven.");
        HistoryEvent redrivenEvent = events.get(failedHistory);
        assertThat(redrivenEvent.type()).isEqualTo(HistoryEventType.EXECUTION_REDRIVEN);
        assertThat(redrivenEvent.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(events).extracting(HistoryEvent::id)
                .as("ids go on after the failed attempt's").containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(count(events, HistoryEventType.PASS_STATE_ENTERED)).as("the Pass is not run again").isEqualTo(1);
        assertThat(count(events, HistoryEventType.EXECUTION_FAILED)).isEqualTo(1);
        assertThat(count(events, HistoryEventType.LAMBDA_FUNCTION_FAILED)).isEqualTo(1);
        assertThat(count(events, HistoryEventType.TASK_STATE_ENTERED)).as("the step is not entered again").isEqualTo(1);
        assertThat(events.subList(failedHistory + 1, events.size())).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertChainedAfterRedrive(events, failedHistory);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        var visits = appliance.engine.definition.Json.MAPPER.readTree(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.server.endpoint() + "/debug/visits?executionArn="
                        + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("visits");
        var work = java.util.stream.StreamSupport.stream(visits.spliterator(), false)
                .filter(visit -> visit.get("name").asText().equals("Work")).toList();
        assertThat(work).as("the debugger's visits of the redriven state").isNotEmpty();
        assertThat(work.get(work.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_redriven_parallel_runs_only_its_failed_branch_again() throws Exception {
        String definition = "{\"StartAt\":\"Both\",\"States\":{\"Both\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":["
                + "{\"StartAt\":\"Ok\",\"States\":{\"Ok\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.ECHO
                + "\",\"End\":true}}},"
                + "{\"StartAt\":\"Flaky\",\"States\":{\"Flaky\":{\"Type\":\"Task\",\"Resource\":\"" + ControllableTasks.HOLD
                + "\",\"End\":true}}}]}}}";
        String machine = fixture.createMachine("Branches", definition);
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
        fail(fixture.tasks.nextHeld());
        assertThat(fixture.awaitFinished(arn)).isEqualTo("FAILED");

        int failedHistory = history(arn).size();
        fixture.sfn.redriveExecution(r -> r.executionArn(arn));
        fixture.tasks.nextHeld().complete(JsonNodeFactory.instance.textNode("second"));
        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        List<HistoryEvent> events = history(arn);

        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).output()).isEqualTo("[{\"n\":1},\"second\"]");
        assertThat(count(events, HistoryEventType.LAMBDA_FUNCTION_SCHEDULED))
                .as("one call a branch, the failed branch's scheduled again").isEqualTo(3);
        assertThat(events.subList(failedHistory + 1, events.size())).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.PARALLEL_STATE_SUCCEEDED, HistoryEventType.PARALLEL_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.get(failedHistory + 1).previousEventId()).as("the task scheduled again follows the redrive")
                .isEqualTo(events.get(failedHistory).id());
        assertThat(count(events, HistoryEventType.PARALLEL_STATE_ENTERED)).isEqualTo(1);
        assertThat(count(events, HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED)).as("Ok once, Flaky once").isEqualTo(2);
    }

    @Test
    void only_failed_timed_out_or_aborted_standard_executions_can_be_redriven() throws Exception {
        String machine = fixture.createMachine("Fine", ServerFixture.pass("1"));
        String succeeded = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.awaitFinished(succeeded);
        String held = fixture.createMachine("Held", ServerFixture.task(ControllableTasks.HOLD));
        String running = fixture.sfn.startExecution(r -> r.stateMachineArn(held)).executionArn();
        CompletableFuture<com.fasterxml.jackson.databind.JsonNode> call = fixture.tasks.nextHeld();
        String express = fixture.sfn.createStateMachine(r -> r.name("Quick").definition(ServerFixture.task(ControllableTasks.FAIL))
                .roleArn(ServerFixture.ROLE).type("EXPRESS")).stateMachineArn();
        String expressRun = fixture.sfn.startExecution(r -> r.stateMachineArn(express)).executionArn();
        fixture.awaitFinished(expressRun);

        assertThatThrownBy(() -> fixture.sfn.redriveExecution(r -> r.executionArn(succeeded)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("SUCCEEDED");
        assertThatThrownBy(() -> fixture.sfn.redriveExecution(r -> r.executionArn(running)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> fixture.sfn.redriveExecution(r -> r.executionArn(expressRun)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("EXPRESS");

        fixture.sfn.stopExecution(r -> r.executionArn(running));
        assertThat(fixture.awaitFinished(running)).isEqualTo("ABORTED");
        fixture.sfn.deleteStateMachine(r -> r.stateMachineArn(held));
        assertThatThrownBy(() -> fixture.sfn.redriveExecution(r -> r.executionArn(running)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("DELETING");
        call.complete(JsonNodeFactory.instance.nullNode());
    }

    @Test
    void an_aborted_execution_redriven_calls_its_interrupted_task_again() throws Exception {
        String machine = fixture.createMachine("Stopped", PASS_THEN_HELD);
        String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        fixture.tasks.nextHeld();
        fixture.sfn.stopExecution(r -> r.executionArn(arn));
        assertThat(fixture.awaitFinished(arn)).isEqualTo("ABORTED");

        var first = fixture.sfn.redriveExecution(r -> r.executionArn(arn).clientToken("once"));
        var again = fixture.sfn.redriveExecution(r -> r.executionArn(arn).clientToken("once"));
        assertThat(again.redriveDate()).as("the same request again is the same redrive").isEqualTo(first.redriveDate());
        assertThatThrownBy(() -> fixture.sfn.redriveExecution(r -> r.executionArn(arn).clientToken("twice")))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("RUNNING");
        fixture.tasks.nextHeld().complete(JsonNodeFactory.instance.numberNode(7));

        assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).output()).isEqualTo("7");
        List<HistoryEvent> events = history(arn);
        int redriven = events.indexOf(events.stream()
                .filter(event -> event.type() == HistoryEventType.EXECUTION_REDRIVEN).findFirst().orElseThrow());
        assertThat(events.get(redriven - 1).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(events.subList(redriven + 1, events.size())).extracting(HistoryEvent::type).as(
                "the interrupted task scheduled again").containsExactly(
                HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertChainedAfterRedrive(events, redriven);
    }

    @Test
    void list_executions_filters_by_redrive() throws Exception {
        String machine = fixture.createMachine("Listed", PASS_THEN_HELD);
        String redriven = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("redriven")).executionArn();
        fail(fixture.tasks.nextHeld());
        fixture.awaitFinished(redriven);
        String plain = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("plain")).executionArn();
        fail(fixture.tasks.nextHeld());
        fixture.awaitFinished(plain);
        fixture.sfn.redriveExecution(r -> r.executionArn(redriven));
        fail(fixture.tasks.nextHeld());
        fixture.awaitFinished(redriven);

        List<ExecutionListItem> onlyRedriven = fixture.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions();
        List<ExecutionListItem> notRedriven = fixture.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN)).executions();

        assertThat(onlyRedriven).extracting(ExecutionListItem::executionArn).containsExactly(redriven);
        assertThat(onlyRedriven.get(0).redriveCount()).isEqualTo(1);
        assertThat(notRedriven).extracting(ExecutionListItem::executionArn).containsExactly(plain);
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(redriven)).status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void a_redriven_execution_running_at_a_restart_resumes_with_its_history(@TempDir Path folder) throws Exception {
        String arn;
        try (ServerFixture first = new ServerFixture(folder)) {
            String machine = first.createMachine("Durable", PASS_THEN_HELD);
            arn = first.sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            fail(first.tasks.nextHeld());
            first.awaitFinished(arn);
            first.sfn.redriveExecution(r -> r.executionArn(arn));
            first.tasks.nextHeld();
        }
        try (ServerFixture second = new ServerFixture(folder)) {
            second.tasks.nextHeld().complete(JsonNodeFactory.instance.textNode("after restart"));
            assertThat(second.awaitFinished(arn)).isEqualTo("SUCCEEDED");
            DescribeExecutionResponse described = second.sfn.describeExecution(r -> r.executionArn(arn));
            assertThat(described.output()).isEqualTo("\"after restart\"");
            assertThat(described.redriveCount()).isEqualTo(1);
            List<HistoryEvent> events = second.sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000)).events();
            assertThat(events).extracting(HistoryEvent::id).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
            assertThat(count(events, HistoryEventType.EXECUTION_REDRIVEN)).isEqualTo(1);
            int redriven = events.indexOf(events.stream()
                    .filter(event -> event.type() == HistoryEventType.EXECUTION_REDRIVEN).findFirst().orElseThrow());
            assertThat(events.subList(redriven + 1, events.size())).extracting(HistoryEvent::type).as(
                    "the task scheduled again before the stop is replayed, not scheduled a third time").containsExactly(
                    HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                    HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                    HistoryEventType.EXECUTION_SUCCEEDED);
            assertChainedAfterRedrive(events, redriven);
        }
    }
}
