package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's test, invoke, graph and execute commands, each as a user runs it, against what the README shows. */
class SmallCommandsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void test_runs_every_mock_test_case_as_the_readme_shows() {
        ProcessResult run = UserProcess.readme("bin/appliance test").run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        OutputShape.assertFollows(Readme.load().outputOf("bin/appliance test"), run.out());
    }

    @Test
    void invoke_prints_the_functions_result_as_the_readme_shows() throws Exception {
        String command = "bin/appliance invoke ClassifyCookFunction events/sns-custom-ended-early.json";

        ProcessResult run = UserProcess.readme(command).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("outcome").asText()).isEqualTo("EARLY_END_CUSTOM");
        OutputShape.assertFollows(Readme.load().commentsAfter(command), run.out());
    }

    @Test
    void invoke_prints_the_functions_error_and_exits_1_as_the_readme_shows() {
        String command = "bin/appliance invoke ClassifyCookFunction events/bad-zero-req-secs.json";

        ProcessResult run = UserProcess.readme(command).run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        List<String> shown = Readme.load().commentsAfter(command);
        assertThat(shown).singleElement().asString().endsWith("(exit 1)");
        OutputShape.assertFollows(List.of(shown.get(0).replaceFirst("\\s+\\(exit 1\\)$", "")), run.out());
    }

    @Test
    void invoke_with_no_event_sends_an_empty_object_as_sam_does() {
        ProcessResult run = UserProcess.appliance("invoke", "ClassifyCookFunction", "--quiet").run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("cook_secs is missing", "req_secs is missing");
    }

    @Test
    void invoke_takes_the_event_on_standard_input_and_with_dash_e() {
        ProcessResult stdin = UserProcess.appliance("invoke", "ClassifyCookFunction", "-", "-q")
                .withStdin("{\"cook_secs\": 45, \"req_secs\": 90}").run();
        ProcessResult named = UserProcess.appliance("invoke", "ClassifyCookFunction", "-e", "events/cook-completed.json", "-q").run();

        assertThat(stdin.exitCode()).as(stdin.describe()).isZero();
        assertThat(stdin.out()).contains("\"outcome\":\"EARLY_END_CUSTOM\"");
        assertThat(named.exitCode()).as(named.describe()).isZero();
        assertThat(named.out()).contains("\"outcome\":\"COMPLETED\"");
    }

    /** The README names `bin/appliance graph` in its text, and shows its output as the diagram. */
    @Test
    void graph_prints_the_readmes_diagram() {
        ProcessResult run = UserProcess.readme("bin/appliance graph").run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out().lines().toList()).isEqualTo(Readme.load().blockAfter("The state machine (this diagram", "mermaid"));
    }

    @Test
    void execute_runs_the_jsonata_edition_on_a_mock_test_case() throws Exception {
        ProcessResult run = UserProcess.readme(ReadmeCoverageTest.tested("bin/appliance execute")).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.at("/output/outcome").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void execute_without_mocks_says_which_option_answers_the_tasks() {
        ProcessResult run = UserProcess.appliance("execute", "--definition", "statemachine/cook-workflow.asl.json").run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"status\":\"FAILED\"", "no handler for the resource");
        assertThat(run.err()).contains("--mock-config FILE --test-case NAME", "bin/appliance run EVENT");
    }
}
