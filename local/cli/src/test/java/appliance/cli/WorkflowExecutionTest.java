package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The project's own workflow, run by {@code execute} on each of its Step Functions Local mock test cases. */
class WorkflowExecutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String root() {
        String root = System.getProperty("project.root");
        return root != null ? root : "../..";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PresetEndedEarly, SUCCEEDED, ",
        "CustomEndedEarly, SUCCEEDED, ",
        "CookCompleted, SUCCEEDED, ",
        "ClassifierThrottledThenSucceeds, SUCCEEDED, ",
        "InvalidEvent, FAILED, InvalidCookEvent",
        "NotificationFailed, FAILED, NotificationFailed"})
    void each_mock_test_case_ends_as_it_should(String testCase, String status, String error) throws Exception {
        CommandRun run = CommandRun.of("execute",
                "--definition", root() + "/statemachine/cook-workflow.asl.json",
                "--input", root() + "/events/custom-ended-early.json",
                "--mock-config", root() + "/statemachine/test/MockConfigFile.json",
                "--test-case", testCase);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo(status);
        if (error != null) {
            assertThat(result.get("error").asText()).isEqualTo(error);
        }
        assertThat(run.exitCode()).isEqualTo("SUCCEEDED".equals(status) ? 0 : 1);
    }
}
