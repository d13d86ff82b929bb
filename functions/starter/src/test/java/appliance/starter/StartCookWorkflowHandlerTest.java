package appliance.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.functions.testing.RecordingContext;
import appliance.functions.testing.SampleEvents;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartCookWorkflowHandlerTest {

    private static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    private final RecordingContext context = new RecordingContext("StartCookWorkflowFunction");

    private static SNSEvent sampleEvent() {
        return EventLoader.loadSNSEvent(SampleEvents.path("sns-custom-ended-early.json").toString());
    }

    @Test
    void each_sns_record_starts_one_execution_named_after_its_message_id_with_the_message_as_input() {
        FakeStepFunctions sfn = new FakeStepFunctions();

        List<StartedExecution> started = new StartCookWorkflowHandler(sfn, STATE_MACHINE).handleRequest(sampleEvent(), context);

        assertThat(sfn.requests).singleElement().satisfies(request -> {
            assertThat(request.stateMachineArn()).isEqualTo(STATE_MACHINE);
            assertThat(request.name()).isEqualTo("95df01b4-ee98-5cb9-9903-4c221d41eb5e");
            assertThat(request.input()).isEqualTo("{\"cook_secs\": 10, \"req_secs\": 15}");
        });
        assertThat(started).singleElement().satisfies(execution -> {
            assertThat(execution.getExecutionArn()).isEqualTo(
                    "arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:95df01b4-ee98-5cb9-9903-4c221d41eb5e");
            assertThat(execution.isAlreadyStarted()).isFalse();
        });
        assertThat(context.logLines()).singleElement().asString().startsWith("Started arn:aws:states:");
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
                + "\"95df01b4-ee98-5cb9-9903-4c221d41eb5e\",\"TopicArn\":"
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
