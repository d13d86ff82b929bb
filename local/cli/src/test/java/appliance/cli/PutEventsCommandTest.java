package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void aws_account_id_and_aws_default_region_name_the_executions_the_rule_starts() throws Exception {
        CommandRun run = CommandRun.withEnvironment(Map.of("AWS_ACCOUNT_ID", "111122223333", "AWS_DEFAULT_REGION", "eu-west-1"),
                "put-events", "--json", "--template", project("template.yaml"), project("events/put-events/cook-ended-entries.json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> executions = run.out().lines().filter(line -> line.startsWith("{\"event\"") || line.contains("\"executionArn\""))
                .toList();
        assertThat(executions).hasSize(2).allSatisfy(line ->
                assertThat(line).contains("\"executionArn\":\"arn:aws:states:eu-west-1:111122223333:execution:CookWorkflow:"));
    }

    @Test
    void a_bad_endpoint_variable_is_refused_naming_it() {
        CommandRun run = CommandRun.withEnvironment(Map.of("LAMBDA_ENDPOINT", "localhost:3001"),
                "put-events", "--template", project("template.yaml"), project("events/put-events/cook-ended-entries.json"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("LAMBDA_ENDPOINT");
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
