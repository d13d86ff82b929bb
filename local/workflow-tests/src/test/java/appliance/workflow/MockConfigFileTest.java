package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** statemachine/test/MockConfigFile.json: well formed for Step Functions Local, and a case for every path. */
class MockConfigFileTest {

    private final JsonNode mocks = WorkflowDefinition.read("statemachine/test/MockConfigFile.json");
    private final JsonNode states = WorkflowDefinition.definition().get("States");
    private final JsonNode testCases = mocks.at("/StateMachines/CookWorkflow/TestCases");

    @Test
    void every_mocked_state_is_a_task_of_the_workflow_and_every_response_exists() {
        assertThat(testCases.isObject()).isTrue();
        for (Map.Entry<String, JsonNode> testCase : testCases.properties()) {
            for (Map.Entry<String, JsonNode> mocked : testCase.getValue().properties()) {
                assertThat(states.path(mocked.getKey()).path("Type").asText())
                        .as("%s mocks %s", testCase.getKey(), mocked.getKey()).isEqualTo("Task");
                assertThat(mocks.at("/MockedResponses").has(mocked.getValue().asText()))
                        .as("response %s", mocked.getValue().asText()).isTrue();
            }
        }
    }

    @Test
    void every_response_is_a_return_or_a_throw_keyed_by_invocation_numbers() {
        for (Map.Entry<String, JsonNode> response : mocks.get("MockedResponses").properties()) {
            for (Map.Entry<String, JsonNode> invocation : response.getValue().properties()) {
                assertThat(invocation.getKey()).as(response.getKey()).matches("\\d+(-\\d+)?");
                assertThat(invocation.getValue().has("Return") ^ invocation.getValue().has("Throw"))
                        .as(response.getKey()).isTrue();
            }
        }
    }

    @Test
    void there_is_a_case_for_each_outcome_a_throttled_classifier_an_invalid_event_and_an_sns_failure() {
        assertThat(testCases.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "PresetEndedEarly", "CustomEndedEarly", "CookCompleted", "ClassifierThrottledThenSucceeds",
                "InvalidEvent", "NotificationFailed");
        JsonNode throttled = mocks.at("/MockedResponses/"
                + testCases.at("/ClassifierThrottledThenSucceeds/Classify cook").asText());
        assertThat(throttled.at("/0-1/Throw/Error").asText()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(throttled.has("2")).isTrue();
    }

    @Test
    void together_the_cases_mock_every_task_of_the_workflow() {
        Set<String> mocked = new HashSet<>();
        testCases.forEach(testCase -> testCase.fieldNames().forEachRemaining(mocked::add));
        Set<String> tasks = new HashSet<>();
        states.properties().forEach(state -> {
            if (state.getValue().get("Type").asText().equals("Task")) {
                tasks.add(state.getKey());
            }
        });
        assertThat(mocked).isEqualTo(tasks);
    }
}
