package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ASL in statemachine/: well formed, every path leads somewhere, and it handles what the issue asks. */
class StateMachineDefinitionTest {

    private final JsonNode definition = WorkflowDefinition.definition();
    private final JsonNode states = definition.get("States");

    private List<String> stateNames() {
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void it_starts_at_a_state_that_exists() {
        assertThat(states.has(definition.get("StartAt").asText())).isTrue();
    }

    @Test
    void every_transition_goes_to_a_state_that_exists() {
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            assertThat(WorkflowDefinition.successors(state.getValue()))
                    .as("transitions of %s", state.getKey())
                    .allSatisfy(next -> assertThat(states.has(next)).as("state %s", next).isTrue());
        }
    }

    @Test
    void every_state_is_reachable_from_the_start() {
        assertThat(WorkflowDefinition.reachableStates(definition)).containsExactlyInAnyOrderElementsOf(stateNames());
    }

    @Test
    void every_state_ends_or_moves_on() {
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            String type = state.getValue().get("Type").asText();
            boolean terminal = Set.of("Succeed", "Fail").contains(type) || state.getValue().path("End").asBoolean();
            boolean moves = !WorkflowDefinition.successors(state.getValue()).isEmpty();
            assertThat(terminal || moves).as("state %s", state.getKey()).isTrue();
        }
    }

    @Test
    void every_state_explains_itself_in_a_comment() {
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            assertThat(state.getValue().path("Comment").asText()).as("Comment of %s", state.getKey()).isNotBlank();
        }
    }

    @Test
    void the_classifier_is_called_through_the_lambda_integration_and_retries_lambdas_transient_errors() {
        JsonNode classify = states.get("Classify cook");

        assertThat(classify.get("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(classify.at("/Parameters/FunctionName").asText()).isEqualTo("${ClassifyCookFunctionArn}");
        JsonNode retry = classify.at("/Retry/0");
        assertThat(retry.get("ErrorEquals")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException");
        assertThat(retry.get("BackoffRate").asDouble()).isGreaterThan(1);
    }

    @Test
    void every_lambda_task_of_both_editions_retries_the_same_transient_errors() {
        JsonNode expected = states.get("Classify cook").at("/Retry/0/ErrorEquals");
        for (JsonNode definition : List.of(states, WorkflowDefinition.read("statemachine/cook-workflow.jsonata.asl.json").get("States"))) {
            definition.properties().forEach(state -> {
                if (state.getValue().path("Resource").asText().equals("arn:aws:states:::lambda:invoke")) {
                    assertThat(state.getValue().at("/Retry/0/ErrorEquals")).as(state.getKey()).isEqualTo(expected);
                }
            });
        }
    }

    @Test
    void an_invalid_event_is_caught_not_retried_recorded_and_ends_in_a_fail_state_naming_the_problem() {
        JsonNode classify = states.get("Classify cook");
        String invalid = "appliance.classifier.InvalidCookEventException";

        classify.get("Retry").forEach(retry -> assertThat(retry.get("ErrorEquals")).extracting(JsonNode::asText)
                .doesNotContain(invalid, "States.ALL", "States.TaskFailed"));
        JsonNode caught = classify.at("/Catch/0");
        assertThat(caught.get("ErrorEquals")).extracting(JsonNode::asText).containsExactly(invalid);
        JsonNode recorder = states.get(caught.get("Next").asText());
        assertThat(recorder.get("Type").asText()).isEqualTo("Task");
        JsonNode fail = states.get(recorder.get("Next").asText());
        assertThat(fail.get("Type").asText()).isEqualTo("Fail");
        assertThat(fail.get("ErrorPath").asText()).isEqualTo("$.error");
        assertThat(fail.get("CausePath").asText()).isEqualTo("$.cause");
    }

    @Test
    void early_ends_fan_out_through_sns_with_a_message_per_protocol_and_the_outcome_as_an_attribute() {
        JsonNode choice = states.get("Did the cook end early?");
        assertThat(choice.at("/Choices/0/Or").findValuesAsText("StringEquals"))
                .containsExactlyInAnyOrder("EARLY_END_PRESET", "EARLY_END_CUSTOM");
        assertThat(choice.get("Default").asText()).isEqualTo("Record cook");

        JsonNode notify = states.get("Notify owner");
        assertThat(notify.get("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(notify.at("/Parameters/MessageStructure").asText()).isEqualTo("json");
        assertThat(notify.at("/Parameters/TopicArn").asText()).isEqualTo("${CookAlertsTopicArn}");
        assertThat(notify.at("/Parameters/MessageAttributes/outcome/StringValue.$").asText()).isEqualTo("$.cook.outcome");

        JsonNode perProtocol = states.get("Compose notification").get("Parameters");
        assertThat(perProtocol.fieldNames()).toIterable()
                .contains("default.$", "email.$", "sms.$", "GCM.$", "APNS.$");
    }

    @Test
    void every_arn_comes_in_through_a_substitution() {
        assertThat(definition.toString()).doesNotContain("arn:aws:lambda:", "arn:aws:sns:");
        assertThat(WorkflowDefinition.placeholders(definition))
                .containsExactlyInAnyOrder("ClassifyCookFunctionArn", "RecordCookFunctionArn", "CookAlertsTopicArn");
    }
}
