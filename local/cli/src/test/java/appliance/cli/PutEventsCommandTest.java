package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bin/appliance put-events: entries matched by the template's EventBridge rule start the workflow. */
class PutEventsCommandTest {

    private static String project(String relative) {
        return Path.of(System.getProperty("project.root")).resolve(relative).toString();
    }

    @Test
    void entries_the_rule_matches_start_the_workflow_and_others_start_nothing() throws Exception {
        CommandRun run = CommandRun.of("put-events", "--json", "--template", project("template.yaml"),
                project("events/put-events/cook-ended-entries.json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String response = run.out().substring(0, run.out().indexOf("}\n") + 2);
        JsonNode awsResponse = JsonFiles.JSON.readTree(response);
        assertThat(awsResponse.get("FailedEntryCount").asInt()).isZero();
        assertThat(awsResponse.get("Entries")).hasSize(3).allSatisfy(entry -> assertThat(entry.has("EventId")).isTrue());
        List<JsonNode> executions = run.out().substring(response.length()).lines()
                .map(line -> { try { return JsonFiles.JSON.readTree(line); } catch (Exception e) { throw new AssertionError(e); } })
                .toList();
        assertThat(executions).extracting(execution -> execution.at("/output/outcome").asText())
                .containsExactly("EARLY_END_PRESET", "COMPLETED");
        // The rule passes the whole event: the state machine's input is EventBridge's envelope.
        assertThat(executions.get(0).at("/states/0/summary").asText()).contains("\"detail-type\":\"Cook Ended\"");
    }

    @Test
    void an_entry_without_a_source_fails_as_put_events_reports_it() throws Exception {
        Path file = Files.createTempFile("entries", ".json");
        Files.writeString(file, "[{\"DetailType\": \"Cook Ended\", \"Detail\": \"{}\"}]");

        CommandRun run = CommandRun.of("put-events", "--template", project("template.yaml"), file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode response = JsonFiles.JSON.readTree(run.out());
        assertThat(response.get("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(response.at("/Entries/0/ErrorCode").asText()).isNotBlank();
    }
}
