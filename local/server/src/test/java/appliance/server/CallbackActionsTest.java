package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.task.TaskRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The callback pattern through the AWS SDK: $$.Task.Token, SendTaskSuccess/Failure/Heartbeat and their errors. */
class CallbackActionsTest {

    private static final String ROLE = ServerFixture.ROLE;
    private static final String CALLBACK = """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
                "MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},%s"End":true}}}""";

    private final ServiceCalls calls = new ServiceCalls();
    private StepFunctionsServer server;
    private SfnClient sfn;

    private void start(double timeScale) {
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, null, null, null, timeScale), calls,
                Clock.systemUTC());
        sfn = ServerFixture.client(server.endpoint());
    }

    @AfterEach
    void close() {
        if (sfn != null) {
            sfn.close();
            server.close();
        }
    }

    private String run(String extra, String input) {
        String machine = sfn.createStateMachine(r -> r.name("Approve").definition(CALLBACK.formatted(extra)).roleArn(ROLE))
                .stateMachineArn();
        return sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    }

    private String finished(String executionArn) throws Exception {
        return server.finished(executionArn).get(10, TimeUnit.SECONDS);
    }

    private static String token(TaskRequest call) {
        return call.parameters().path("MessageBody").path("token").asText();
    }

    @Test
    void send_task_success_completes_the_waiting_task_with_its_output_after_task_submitted() throws Exception {
        start(1.0);
        String execution = run("", "{\"order\":42}");
        TaskRequest call = calls.next();
        assertThat(call.resource()).isEqualTo("arn:aws:states:::sqs:sendMessage");
        assertThat(token(call)).isEqualTo(call.taskToken()).hasSize(36);

        sfn.sendTaskSuccess(r -> r.taskToken(token(call)).output("{\"approved\":true}"));

        assertThat(finished(execution)).isEqualTo("SUCCEEDED");
        DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(execution));
        assertThat(described.output()).isEqualTo("{\"approved\":true}");
        List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(history).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
        HistoryEvent submitted = history.get(4);
        assertThat(submitted.taskSubmittedEventDetails().resourceType()).isEqualTo("sqs");
        assertThat(submitted.taskSubmittedEventDetails().resource()).isEqualTo("sendMessage.waitForTaskToken");
        assertThat(submitted.taskSubmittedEventDetails().output()).isEqualTo("{\"MessageId\":\"m-Ask\"}");
        assertThat(history.get(5).taskSucceededEventDetails().output()).isEqualTo("{\"approved\":true}");
    }

    @Test
    void send_task_failure_fails_the_task_with_its_error_and_cause() throws Exception {
        start(1.0);
        String execution = run("", "{\"order\":1}");
        String token = token(calls.next());

        sfn.sendTaskFailure(r -> r.taskToken(token).error("Order.Rejected").cause("out of stock"));

        assertThat(finished(execution)).isEqualTo("FAILED");
        DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(execution));
        assertThat(described.error()).isEqualTo("Order.Rejected");
        assertThat(described.cause()).isEqualTo("out of stock");
        List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(history).extracting(HistoryEvent::typeAsString).contains("TaskSubmitted", "TaskFailed");
    }

    @Test
    void a_token_whose_task_has_answered_is_task_timed_out_and_a_token_never_given_is_task_does_not_exist() throws Exception {
        start(1.0);
        String execution = run("", "{\"order\":2}");
        String token = token(calls.next());
        sfn.sendTaskHeartbeat(r -> r.taskToken(token));
        sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}"));
        finished(execution);

        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken(token)))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskFailure(r -> r.taskToken("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("not a token").output("{}")))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not a token");
    }

    @Test
    void output_that_is_not_json_is_invalid_output_and_the_task_still_waits() throws Exception {
        start(1.0);
        String execution = run("", "{\"order\":3}");
        String token = token(calls.next());

        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"unclosed\":")))
                .isInstanceOf(InvalidOutputException.class);
        sfn.sendTaskSuccess(r -> r.taskToken(token).output("[1]"));
        assertThat(finished(execution)).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_task_without_heartbeats_fails_with_heartbeat_timeout_and_its_token_then_times_out() throws Exception {
        start(0.0); // every timer fires at once: HeartbeatSeconds passes with no heartbeat
        String execution = run("\"HeartbeatSeconds\":5,", "{\"order\":4}");

        assertThat(finished(execution)).isEqualTo("FAILED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).error()).isEqualTo("States.HeartbeatTimeout");
        List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(history).extracting(HistoryEvent::typeAsString).contains("TaskTimedOut");
        String parameters = history.get(2).taskScheduledEventDetails().parameters();
        assertThat(history.get(2).taskScheduledEventDetails().heartbeatInSeconds()).isEqualTo(5L);
        String token = appliance.engine.definition.Json.MAPPER.readTree(parameters).path("MessageBody").path("token").asText();
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void a_task_past_its_timeout_seconds_fails_with_states_timeout() throws Exception {
        start(0.0);
        String execution = run("\"TimeoutSeconds\":30,", "{\"order\":5}");

        assertThat(finished(execution)).isEqualTo("FAILED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).error()).isEqualTo("States.Timeout");
    }

    @Test
    void stopping_the_execution_closes_its_waiting_token() throws Exception {
        start(1.0);
        String execution = run("", "{\"order\":6}");
        String token = token(calls.next());

        sfn.stopExecution(r -> r.executionArn(execution));

        assertThat(finished(execution)).isEqualTo("ABORTED");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void a_service_that_sends_the_token_back_before_its_own_call_returns_completes_the_task_after_task_submitted()
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<SfnClient> client = new java.util.concurrent.atomic.AtomicReference<>();
        // A Lambda function that answers its own callback inside its invocation, then returns.
        appliance.engine.task.TaskInvoker selfAnswering = request -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            client.get().sendTaskSuccess(r -> r.taskToken(request.parameters().path("Payload").path("token").asText())
                    .output("{\"answered\":\"inside\"}"));
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("StatusCode", 200);
        });
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, null, null), selfAnswering, Clock.systemUTC());
        sfn = ServerFixture.client(server.endpoint());
        client.set(sfn);
        String machine = sfn.createStateMachine(r -> r.name("SelfAnswering").roleArn(ROLE).definition("""
                {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters":{"FunctionName":"answers-itself","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}"""))
                .stateMachineArn();

        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

        assertThat(finished(execution)).isEqualTo("SUCCEEDED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).output()).isEqualTo("{\"answered\":\"inside\"}");
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events()).extracting(HistoryEvent::typeAsString)
                .containsSubsequence("TaskStarted", "TaskSubmitted", "TaskSucceeded");
    }

    @Test
    void a_mock_test_case_answers_a_mocked_callback_task_at_once_as_step_functions_local_does() throws Exception {
        appliance.engine.task.mock.MockConfig mocks = appliance.engine.task.mock.MockConfig.parse(
                appliance.engine.definition.Json.MAPPER.readTree("""
                        {"StateMachines": {"Approve": {"TestCases": {"Approved": {"Ask": "Yes"}}}},
                         "MockedResponses": {"Yes": {"0": {"Return": {"approved": "by mock"}}}}}"""));
        server = StepFunctionsServer.start(new ServerOptions("127.0.0.1", 0, null, null).withMockConfig(mocks), calls,
                Clock.systemUTC());
        sfn = ServerFixture.client(server.endpoint());
        String machine = sfn.createStateMachine(r -> r.name("Approve").definition(CALLBACK.formatted("")).roleArn(ROLE))
                .stateMachineArn();

        String execution = sfn.startExecution(r -> r.stateMachineArn(machine + "#Approved").input("{\"order\":7}"))
                .executionArn();

        assertThat(finished(execution)).isEqualTo("SUCCEEDED");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).output()).isEqualTo("{\"approved\":\"by mock\"}");
    }
}
