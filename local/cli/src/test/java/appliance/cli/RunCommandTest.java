package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bin/appliance run: every sample event through the real workflow of template.yaml, end to end. */
class RunCommandTest {

    private static String project(String relative) {
        return Path.of(System.getProperty("project.root")).resolve(relative).toString();
    }

    private static CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--template", project("template.yaml")));
        all.addAll(List.of(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static JsonNode onlyExecution(CommandRun run) throws Exception {
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        return JsonFiles.JSON.readTree(lines.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            preset-ended-early.json             | EARLY_END_PRESET | User ended popcorn preset early          | SENT
            custom-ended-early.json             | EARLY_END_CUSTOM | User ended custom cook time early        | SENT
            cook-completed.json                 | COMPLETED        | defrost preset completed                 | NOT_NEEDED
            eventbridge-preset-ended-early.json | EARLY_END_PRESET | User ended baked potato preset early     | SENT
            sns-custom-ended-early.json         | EARLY_END_CUSTOM | User ended custom cook time early        | SENT
            """)
    void each_sample_event_runs_through_the_workflow_to_its_outcome(String event, String outcome, String message,
            String notification) throws Exception {
        CommandRun run = run("--json", project("events/" + event));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode execution = onlyExecution(run);
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/output/outcome").asText()).isEqualTo(outcome);
        assertThat(execution.at("/output/message").asText()).isEqualTo(message);
        assertThat(execution.at("/output/notification").asText()).isEqualTo(notification);
        assertThat(execution.get("executionArn").asText()).startsWith("arn:aws:states:us-east-1:123456789012:execution:CookWorkflow:");
        assertThat(execution.get("states")).extracting(state -> state.get("name").asText())
                .startsWith("Receive cook event", "Classify cook", "Did the cook end early?")
                .endsWith("Record cook", "Was the owner notified?", "Cook handled");
        assertThat(execution.get("logs")).extracting(line -> line.get("function").asText()).contains("ClassifyCookFunction", "RecordCookFunction");
        assertThat(execution.at("/cost/stateTransitions").asInt()).isPositive();
        assertThat(execution.at("/cost/summary").asText()).startsWith("Cost on AWS: Standard $");
    }

    @Test
    void an_early_end_is_published_once_and_delivered_to_the_subscriptions_whose_filter_takes_it() throws Exception {
        CommandRun run = run("--json", "--parameter-overrides", "AlertEmail=owner@example.com AlertPhoneNumber=+14155550100",
                project("events/custom-ended-early.json"));

        JsonNode execution = onlyExecution(run);
        assertThat(execution.get("published")).singleElement().satisfies(message -> {
            assertThat(message.get("topicArn").asText()).endsWith(":CookAlertsTopic");
            assertThat(JsonFiles.JSON.readTree(message.get("message").asText()).get("sms").asText())
                    .isEqualTo("User ended custom cook time early");
        });
        assertThat(execution.get("deliveries")).extracting(delivery -> delivery.get("protocol").asText() + " " + delivery.get("endpoint").asText())
                .containsExactlyInAnyOrder("email owner@example.com", "sms +14155550100");
    }

    @Test
    void a_completed_cook_publishes_nothing() throws Exception {
        JsonNode execution = onlyExecution(run("--json", "--parameter-overrides", "AlertEmail=owner@example.com",
                project("events/cook-completed.json")));

        assertThat(execution.get("published")).isEmpty();
        assertThat(execution.get("deliveries")).isEmpty();
    }

    @Test
    void the_seeds_sns_envelope_goes_through_the_ingest_topic_and_the_starter_function() throws Exception {
        JsonNode execution = onlyExecution(run("--json", project("events/sns-custom-ended-early.json")));

        assertThat(execution.get("deliveries")).singleElement().satisfies(delivery -> {
            assertThat(delivery.get("topicArn").asText()).endsWith(":CookEventsIngestTopic");
            assertThat(delivery.get("protocol").asText()).isEqualTo("lambda");
            assertThat(delivery.get("endpoint").asText()).endsWith(":function:StartCookWorkflowFunction:live");
            assertThat(delivery.has("error")).isFalse();
        });
        assertThat(execution.get("logs")).extracting(line -> line.get("function").asText()).contains("StartCookWorkflowFunction");
        // The starter names the execution after the SNS message id of the delivery.
        String messageId = execution.at("/published/0/messageId").asText();
        assertThat(execution.get("executionArn").asText()).endsWith(":" + messageId);
    }

    @Test
    void aws_account_id_and_aws_default_region_name_what_the_starter_starts_through_the_local_endpoint() throws Exception {
        CommandRun run = CommandRun.withEnvironment(Map.of("AWS_ACCOUNT_ID", "111122223333", "AWS_DEFAULT_REGION", "eu-west-1"),
                "run", "--json", "--template", project("template.yaml"), project("events/sns-custom-ended-early.json"));

        JsonNode execution = onlyExecution(run);
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        // The starter function's SfnClient started it on the in-memory server, which named it in that account.
        assertThat(execution.get("executionArn").asText()).startsWith("arn:aws:states:eu-west-1:111122223333:execution:CookWorkflow:");
        assertThat(execution.at("/deliveries/0/topicArn").asText()).isEqualTo("arn:aws:sns:eu-west-1:111122223333:CookEventsIngestTopic");
    }

    @Test
    void a_step_functions_local_option_is_taken_in_its_own_spelling() {
        CommandRun run = run("-waitTimeScale", "fast", project("events/preset-ended-early.json"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("WAIT_TIME_SCALE / --wait-time-scale must be a number");
    }

    @Test
    void an_eventbridge_envelope_that_no_rule_matches_starts_nothing() throws Exception {
        Path event = java.nio.file.Files.createTempFile("other-source", ".json");
        java.nio.file.Files.writeString(event, "{\"version\": \"0\", \"detail-type\": \"Door Opened\", \"source\": \"appliance.fridge\","
                + " \"detail\": {\"cook_secs\": 1, \"req_secs\": 2}}");

        CommandRun run = run(event.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("the event started no execution");
    }

    @Test
    void bad_events_end_in_the_reject_state_naming_the_problem() throws Exception {
        JsonNode execution = onlyExecution(run("--json", project("events/bad-zero-req-secs.json")));

        assertThat(execution.get("status").asText()).isEqualTo("FAILED");
        assertThat(execution.get("error").asText()).isEqualTo("InvalidCookEvent");
        assertThat(execution.get("cause").asText()).isEqualTo("Invalid cook event: req_secs must be greater than 0, got 0");
        assertThat(execution.get("states")).extracting(state -> state.get("name").asText())
                .containsExactly("Receive cook event", "Classify cook", "Record rejected event", "Reject invalid event");
        assertThat(execution.at("/states/1/status").asText()).isEqualTo("CAUGHT");
    }

    @Test
    void every_sample_event_gives_its_outcome_or_a_clear_error_and_one_bad_file_does_not_stop_the_others() throws Exception {
        List<String> files = new ArrayList<>(List.of("--json"));
        appliance.functions.testing.SampleEvents.named("").forEach(name -> files.add(project("events/" + name)));

        CommandRun run = run(files.toArray(String[]::new));

        // Executions that failed (1) and files that are no event (8).
        assertThat(run.exitCode()).isEqualTo(9);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JsonFiles.JSON.readTree(line));
        }
        assertThat(lines).hasSize(files.size() - 1);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("status").asText()).isIn("SUCCEEDED", "FAILED", "NOT_STARTED");
            if (!line.get("status").asText().equals("SUCCEEDED")) {
                assertThat(line.get("error").asText()).isNotBlank();
            }
        });
        assertThat(lines).filteredOn(line -> line.get("event").asText().endsWith("bad-malformed-json.json"))
                .singleElement().satisfies(line -> assertThat(line.get("error").asText()).startsWith("not valid JSON"));
    }

    @Test
    void the_report_shows_each_state_the_result_and_the_cost_for_a_person() {
        CommandRun run = run(project("events/preset-ended-early.json"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("-> CookWorkflow", "Classify cook", "SUCCEEDED",
                "User ended popcorn preset early", "Published:", "Deliveries:", "Logs:", "Cost on AWS: Standard $");
    }
}
