package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/appliance run} on the Lambda console's SNS test event, run as the user runs it (the script, in its own
 * process): the console's sample TopicArn is not the template's, yet the message reaches the template's one
 * SNS-subscribed starter, a line says so, and the workflow runs with Powertools' structured logs and metrics.
 */
class ConsoleSnsEventRunTest {

    private static final String INGEST_TOPIC = "arn:aws:sns:us-east-1:123456789012:CookEventsIngestTopic";

    @TempDir
    Path scratch;

    @Test
    void the_consoles_sns_test_event_reaches_the_starter_and_runs_the_workflow() throws IOException, InterruptedException {
        Path stdout = scratch.resolve("stdout");
        Path stderr = scratch.resolve("stderr");
        Process run = new ProcessBuilder(WorkflowDefinition.file("bin/appliance").toString(), "run",
                "events/sns-console-test-event.json", "--json")
                .directory(WorkflowDefinition.file(".").toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);

        assertThat(finished).as("bin/appliance run finished").isTrue();
        assertThat(run.exitValue()).as(errors).isZero();
        assertThat(errors).contains("SNS message delivered to " + INGEST_TOPIC,
                "the event's TopicArn arn:aws:sns:us-east-1:123456789012:ExampleTopic is not a topic of the template");
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        assertThat(lines).as(errors).hasSize(1);
        JsonNode execution = WorkflowDefinition.JSON.readTree(lines.get(0));
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/output/outcome").asText()).as("45.5 of 60 seconds is an early end").isEqualTo("EARLY_END_PRESET");
        assertThat(execution.at("/output/cook_secs").toString()).isEqualTo("45.5");

        List<JsonNode> recorderLines = new ArrayList<>();
        for (JsonNode log : execution.get("logs")) {
            String message = log.path("message").asText();
            if (log.path("function").asText().equals("RecordCookFunction") && message.startsWith("{")) {
                recorderLines.add(WorkflowDefinition.JSON.readTree(message));
            }
        }
        assertThat(recorderLines).as("the recorder's structured log line").anySatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("correlation_id").asText()).isEqualTo(execution.get("executionArn").asText());
            assertThat(line.at("/cook_record/outcome").asText()).isEqualTo("EARLY_END_PRESET");
            assertThat(line.path("service").asText()).isEqualTo("cook-workflow");
        });
        assertThat(recorderLines).as("the recorder's metrics, in the embedded metric format").anySatisfy(line -> {
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ApplianceCookWorkflow");
            assertThat(line.path("Cooks").asInt()).isEqualTo(1);
            assertThat(line.path("outcome").asText()).isEqualTo("EARLY_END_PRESET");
        });
    }
}
