package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.engine.task.lambda.StandInFunctions;
import appliance.engine.task.UnknownResourceInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private final Harness harness = new Harness();

    @Test
    void events_are_numbered_from_one_and_chain_to_the_previous_event_but_the_first_state_links_to_none() {
        harness.echoTasks();
        var ended = harness.run("""
                {"StartAt":"P","States":{
                  "P":{"Type":"Pass","Next":"T"},
                  "T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"m.$":"$.m"},"Next":"S"},
                  "S":{"Type":"Succeed"}}}""", "{\"m\":\"hi\"}");
        assertThat(ended.types()).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        for (int i = 0; i < ended.history().size(); i++) {
            assertThat(ended.history().get(i).id()).isEqualTo(i + 1);
            // As at AWS: the first state's entered event (id 2) links to 0, not to ExecutionStarted.
            assertThat(ended.history().get(i).previousEventId()).isEqualTo(i == 1 ? 0 : i);
        }
    }

    @Test
    void event_details_carry_aws_field_names_and_json_text() {
        harness.echoTasks();
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
                  "Parameters":{"m.$":"$.m"},"TimeoutSeconds":10,"End":true}}}""", "{\"m\":\"hi\"}");
        List<HistoryEvent> h = ended.history();
        assertThat(h.get(0).toJson().get("executionStartedEventDetails").get("input").asText()).isEqualTo("{\"m\":\"hi\"}");
        assertThat(h.get(1).toJson().get("stateEnteredEventDetails")).isEqualTo(
                json("{\"name\":\"T\",\"input\":\"{\\\"m\\\":\\\"hi\\\"}\",\"inputDetails\":{\"truncated\":false}}"));
        assertThat(h.get(2).toJson().get("taskScheduledEventDetails")).isEqualTo(json("""
                {"resourceType":"sns","resource":"publish","region":"us-east-1","parameters":"{\\"m\\":\\"hi\\"}",
                 "timeoutInSeconds":10}"""));
        assertThat(h.get(3).toJson().get("taskStartedEventDetails")).isEqualTo(json("{\"resourceType\":\"sns\",\"resource\":\"publish\"}"));
        assertThat(h.get(4).toJson().get("taskSucceededEventDetails").get("output").asText()).isEqualTo("{\"m\":\"hi\"}");
        assertThat(h.get(6).toJson().get("executionSucceededEventDetails").get("output").asText()).isEqualTo("{\"m\":\"hi\"}");
    }

    @Test
    void a_lambda_function_arn_records_lambda_function_events_and_its_error() {
        Harness lambdas = new Harness();
        lambdas.tasks(request -> new LambdaTaskInvoker(name -> StandInFunctions.named(name), new UnknownResourceInvoker(),
                new SplittableRandom(1), lambdas.scheduler::now).invoke(request).toCompletableFuture());
        var ended = lambdas.run("""
                {"StartAt":"L","States":{"L":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:111111111111:function:raise","End":true}}}""", "{}");
        assertThat(ended.types()).containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed");
        assertThat(ended.result().error()).isEqualTo("Exception");
        assertThat(json(ended.result().cause()).get("errorMessage").asText()).isEqualTo("Some exception was raised.");
        assertThat(ended.history().get(2).details().get("resource").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:raise");
    }

    @Test
    void a_runtime_cause_names_the_event_id_at_which_the_state_was_entered() {
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Pass","InputPath":"$.missing","End":true}}}""", "{}");
        assertThat(ended.result().cause()).contains("'B' (entered at the event id #4)");
        assertThat(ended.history().get(3).type()).isEqualTo("PassStateEntered");
    }

    @Test
    void parallel_branches_chain_from_the_parallel_started_event() {
        var ended = harness.run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}""", "{}");
        assertThat(ended.types()).containsExactly("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
                "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
                "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
        // Each branch's first event follows ParallelStateStarted (#3), its next one follows its own.
        assertThat(ended.history().get(3).previousEventId()).isEqualTo(3);
        assertThat(ended.history().get(4).previousEventId()).isEqualTo(4);
        assertThat(ended.history().get(5).previousEventId()).isEqualTo(3);
        assertThat(ended.history().get(6).previousEventId()).isEqualTo(6);
    }

    @Test
    void a_listener_hears_every_event_as_it_happens_and_then_the_result() {
        List<String> heard = new ArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void onEvent(String executionArn, HistoryEvent event) {
                heard.add(event.type());
            }

            @Override
            public void onFinished(String executionArn, ExecutionResult result) {
                heard.add("finished:" + result.status());
            }
        };
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        engine.start(StateMachineDefinition.compile(json("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":10,\"End\":true}}}")),
                json("{}"), ExecutionIdentity.local("M", "e"), listener);
        harness.scheduler.advanceBy(java.time.Duration.ofSeconds(5));
        assertThat(heard).containsExactly("ExecutionStarted", "WaitStateEntered");
        harness.scheduler.runUntilIdle();
        assertThat(heard).endsWith("WaitStateExited", "ExecutionSucceeded", "finished:SUCCEEDED");
    }

    @Test
    void an_execution_that_reaches_25000_events_fails_with_the_last_event_as_its_failure() {
        var ended = harness.run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"End"}],"Default":"A"},
                  "End":{"Type":"Succeed"}}}""", "{}");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
        assertThat(ended.result().cause()).isEqualTo("The execution reached the maximum number of history events (25000).");
        HistoryEvent last = ended.history().get(ended.history().size() - 1);
        assertThat(last.id()).isEqualTo(25_000);
        assertThat(last.previousEventId()).isEqualTo(24_999);
        assertThat(last.type()).isEqualTo("ExecutionFailed");
    }

    @Test
    void a_stopped_execution_is_aborted_and_its_wait_never_ends() {
        Engine engine = new Engine(harness.scheduler, r -> null, new SplittableRandom(1));
        Execution execution = engine.start(StateMachineDefinition.compile(json(
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}")),
                json("{}"), ExecutionIdentity.local("M", "e"), null);
        harness.scheduler.advanceBy(java.time.Duration.ofSeconds(5));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        execution.stop("Stopped", "by the user");
        harness.scheduler.runUntilIdle();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.history()).extracting(HistoryEvent::type)
                .containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
        assertThat(execution.history().get(2).details().get("cause").asText()).isEqualTo("by the user");
    }
}
