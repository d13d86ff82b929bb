package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runs_each_case_writes_a_result_line_each_and_ends_the_summary_with_the_counts() throws Exception {
        Path cases = Files.write(dir.resolve("cases.jsonl"), List.of(
                "{\"name\":\"pass\",\"source\":\"tests/v2/base/x.py\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "\"input\":{\"a\":1.0},\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{\"a\":1}}}",
                "{\"name\":\"lambda\",\"source\":\"tests/v2/services/y.py\",\"definition\":{\"StartAt\":\"T\",\"States\":{\"T\":"
                        + "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:1:function:fn\",\"End\":true}}},"
                        + "\"input\":{},\"lambdas\":{\"fn\":\"echo\"},\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{\"Return\":\"HelloWorld\"}}}",
                "{\"name\":\"mocked\",\"source\":\"tests/v2/services/z.py\",\"definition\":{\"StartAt\":\"T\",\"States\":{\"T\":"
                        + "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sns:publish\",\"End\":true}}},"
                        + "\"mockConfig\":{\"StateMachines\":{\"M\":{\"TestCases\":{\"Boom\":{\"T\":\"R\"}}}},"
                        + "\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"E\",\"Cause\":\"C\"}}}}},\"testCase\":\"Boom\","
                        + "\"expected\":{\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"other\"}}",
                "{\"name\":\"wrong\",\"source\":\"tests/v2/base/x.py\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "\"input\":{},\"expected\":{\"status\":\"FAILED\",\"error\":\"X\",\"cause\":\"Y\"}}"));
        Path results = dir.resolve("results.jsonl");
        CommandRun run = CommandRun.of("conformance", cases.toString(), "--results", results.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> summary = run.out().lines().toList();
        assertThat(summary).last().isEqualTo("3 passed, 1 failed");
        assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("base").contains("1 passed").contains("1 failed"));
        assertThat(summary).anySatisfy(line -> assertThat(line).contains("1 of the passed cases have a cause that differs"));
        List<JsonNode> lines = Files.readAllLines(results).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo(JSON.readTree(
                "{\"name\":\"lambda\",\"status\":\"SUCCEEDED\",\"output\":{\"Return\":\"HelloWorld\"}}"));
        assertThat(lines.get(2)).isEqualTo(JSON.readTree("{\"name\":\"mocked\",\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"C\"}"));
    }

    @Test
    void histories_writes_each_case_s_events_as_get_execution_history_returns_them() throws Exception {
        Path cases = Files.write(dir.resolve("cases.jsonl"), List.of(
                "{\"name\":\"pass\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "\"input\":{\"a\":1},\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{\"a\":1}}}"));
        Path histories = dir.resolve("histories.jsonl");
        CommandRun run = CommandRun.of("conformance", cases.toString(), "--histories", histories.toString());
        assertThat(run.exitCode()).isZero();
        List<String> lines = Files.readAllLines(histories);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("name").asText()).isEqualTo("pass");
        assertThat(line.get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(line.get("events").get(1).get("previousEventId").asLong()).isZero();
        assertThat(line.get("events").get(1).get("stateEnteredEventDetails").get("name").asText()).isEqualTo("P");
    }

    @Test
    void histories_into_a_folder_that_does_not_exist_is_refused_before_any_case_runs() throws Exception {
        Path cases = Files.write(dir.resolve("cases.jsonl"), List.of(
                "{\"name\":\"pass\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{}}}"));
        Path nowhere = dir.resolve("no-such-folder").resolve("histories.jsonl");
        CommandRun run = CommandRun.of("conformance", cases.toString(), "--histories", nowhere.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("bin/appliance conformance: --histories: no such folder: " + nowhere.getParent());
        assertThat(run.out()).isEmpty();
    }
}
