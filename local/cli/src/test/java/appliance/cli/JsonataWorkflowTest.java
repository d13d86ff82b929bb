package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.functions.testing.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSONata edition of the workflow (statemachine/cook-workflow.jsonata.asl.json) gives, through
 * bin/appliance run with the real functions, the same results as the JSONPath one for every sample event.
 */
class JsonataWorkflowTest {

    private static Path root() {
        return Path.of(System.getProperty("project.root"));
    }

    /** template.yaml with the JSONata definition in place of the JSONPath one, everything else the same. */
    private static Path jsonataTemplate() throws Exception {
        Path dir = Files.createTempDirectory("jsonata-template");
        String template = Files.readString(root().resolve("template.yaml"))
                .replace("DefinitionUri: statemachine/cook-workflow.asl.json",
                        "DefinitionUri: " + root().resolve("statemachine/cook-workflow.jsonata.asl.json"))
                .replace("CodeUri: functions/", "CodeUri: " + root().resolve("functions") + "/");
        assertThat(template).contains("cook-workflow.jsonata.asl.json");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        return file;
    }

    static List<String> sampleEvents() {
        return SampleEvents.named("").stream().filter(name -> !name.equals("bad-malformed-json.json")).toList();
    }

    private static JsonNode run(Path template, String event) throws Exception {
        CommandRun run = CommandRun.of("run", "--json", "--template", template.toString(), root().resolve("events/" + event).toString());
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        return JsonFiles.JSON.readTree(lines.get(0));
    }

    /** What must match: status, error, cause, and the output less what differs between any two runs. */
    private static JsonNode result(JsonNode execution) {
        ObjectNode result = JsonFiles.JSON.createObjectNode();
        result.set("status", execution.get("status"));
        result.set("error", execution.get("error"));
        result.set("cause", execution.get("cause"));
        if (execution.get("output") instanceof ObjectNode output) {
            ObjectNode stable = output.deepCopy();
            stable.remove(List.of("execution_arn", "started_at", "notification_message_id"));
            result.set("output", stable);
        }
        result.put("deliveries", execution.path("deliveries").size());
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void the_jsonata_edition_gives_the_same_result_as_the_jsonpath_one(String event) throws Exception {
        JsonNode jsonPath = result(run(root().resolve("template.yaml"), event));
        JsonNode jsonata = result(run(jsonataTemplate(), event));

        assertThat(jsonata).isEqualTo(jsonPath);
        assertThat(jsonPath.get("status").asText()).isIn("SUCCEEDED", "FAILED", "NOT_STARTED");
    }
}
