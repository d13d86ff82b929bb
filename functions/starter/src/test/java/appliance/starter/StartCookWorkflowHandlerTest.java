package appliance.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartCookWorkflowHandlerTest {

    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    private final LambdaTestContext context = new LambdaTestContext("StartCookWorkflowFunction");

    private static SNSEvent sampleEvent() {
        // EventLoader reads a file name, or failing that a class path resource: the copy in src/test/resources.
        return EventLoader.loadSNSEvent("events/sns-custom-ended-early.json");
    }

    @Test
    void each_sns_record_starts_one_execution_named_after_its_message_id_with_the_message_as_input() {
        FakeStepFunctions sfn = new FakeStepFunctions();

        List<StartedExecution> started;
        List<JsonNode> logged;
        try (StandardOutput output = StandardOutput.capture()) {
            started = new StartCookWorkflowHandler(sfn, STATE_MACHINE).handleRequest(sampleEvent(), context);
            logged = output.logged("Started execution");
        }

        assertThat(sfn.requests).singleElement().satisfies(request -> {
            assertThat(request.stateMachineArn()).isEqualTo(STATE_MACHINE);
            assertThat(request.name()).isEqualTo("4c7e2a91-3b5d-5f60-8e12-d9a0b7c6e543");
            assertThat(request.input()).isEqualTo("{\"cook_secs\": 10, \"req_secs\": 15}");
        });
        assertThat(started).singleElement().satisfies(execution -> {
            assertThat(execution.getExecutionArn()).isEqualTo(
                    "arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:4c7e2a91-3b5d-5f60-8e12-d9a0b7c6e543");
            assertThat(execution.isAlreadyStarted()).isFalse();
        });
        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line.get("execution_arn").asText()).isEqualTo(started.get(0).getExecutionArn());
            assertThat(line.get("sns_message_id").asText()).isEqualTo("4c7e2a91-3b5d-5f60-8e12-d9a0b7c6e543");
            assertThat(line.get("function_name").asText()).isEqualTo("StartCookWorkflowFunction");
        });
    }

    @Test
    void a_redelivered_message_whose_execution_finished_starts_nothing_new() {
        FakeStepFunctions sfn = new FakeStepFunctions().finishingEachExecution();
        StartCookWorkflowHandler handler = new StartCookWorkflowHandler(sfn, STATE_MACHINE);

        StartedExecution first = handler.handleRequest(sampleEvent(), context).get(0);
        StartedExecution again = handler.handleRequest(sampleEvent(), context).get(0);

        assertThat(again.isAlreadyStarted()).isTrue();
        assertThat(again.getExecutionArn()).isEqualTo(first.getExecutionArn());
        assertThat(sfn.requests).hasSize(2).allSatisfy(request -> assertThat(request.name()).isEqualTo(first.getExecutionArn()
                .substring(first.getExecutionArn().lastIndexOf(':') + 1)));
    }

    @Test
    void a_redelivered_message_whose_execution_still_runs_gets_the_same_execution() {
        FakeStepFunctions sfn = new FakeStepFunctions();
        StartCookWorkflowHandler handler = new StartCookWorkflowHandler(sfn, STATE_MACHINE);

        StartedExecution first = handler.handleRequest(sampleEvent(), context).get(0);
        StartedExecution again = handler.handleRequest(sampleEvent(), context).get(0);

        assertThat(again.getExecutionArn()).isEqualTo(first.getExecutionArn());
    }

    @Test
    void a_message_that_is_not_json_starts_an_execution_with_the_seed_envelope_so_the_workflow_rejects_it() {
        SNSEvent event = sampleEvent();
        event.getRecords().get(0).getSNS().setMessage("cook_secs=10");
        FakeStepFunctions sfn = new FakeStepFunctions();

        new StartCookWorkflowHandler(sfn, STATE_MACHINE).handleRequest(event, context);

        assertThat(sfn.requests.get(0).input()).isEqualTo("{\"Records\":[{\"Sns\":{\"MessageId\":"
                + "\"4c7e2a91-3b5d-5f60-8e12-d9a0b7c6e543\",\"TopicArn\":"
                + "\"arn:aws:sns:us-east-1:123456789012:CookEventsIngestTopic\",\"Message\":\"cook_secs=10\"}}]}");
    }

    @Test
    void message_ids_become_valid_execution_names() {
        assertThat(ExecutionNames.forMessage("a b/c:d")).isEqualTo("a-b-c-d");
        assertThat(ExecutionNames.forMessage("x".repeat(100))).hasSize(80);
        assertThatThrownBy(() -> ExecutionNames.forMessage(" "))
                .hasMessage("The SNS record has no MessageId to name its execution after");
    }

    @Test
    void an_event_without_records_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new StartCookWorkflowHandler(new FakeStepFunctions(), STATE_MACHINE)
                .handleRequest(new SNSEvent(), context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The event is not an SNS event: it has no Records");
    }
}
