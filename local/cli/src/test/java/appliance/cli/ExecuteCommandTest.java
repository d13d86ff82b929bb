package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecuteCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        CommandRun run = CommandRun.of(args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void a_succeeding_execution_prints_status_and_output_and_exits_zero() throws Exception {
        Path definition = file("d.json", """
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":86400,"Next":"P"},
                  "P":{"Type":"Pass","Parameters":{"got.$":"$.x"},"End":true}}}""");
        Path input = file("i.json", "{\"x\":42}");
        int exit = run("execute", "--definition", definition.toString(), "--input", input.toString());
        assertThat(exit).isZero();
        assertThat(JSON.readTree(out)).isEqualTo(JSON.readTree("{\"status\":\"SUCCEEDED\",\"output\":{\"got\":42}}"));
    }

    @Test
    void a_failing_execution_prints_error_and_cause_and_exits_one() throws Exception {
        Path definition = file("d.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"C\"}}}");
        int exit = run("execute", "--definition", definition.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(JSON.readTree(out)).isEqualTo(JSON.readTree("{\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"C\"}"));
    }

    @Test
    void tasks_answer_from_the_mock_config_test_case() throws Exception {
        Path definition = file("d.json", """
                {"StartAt":"Classify","States":{"Classify":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"classify","Payload.$":"$"},"OutputPath":"$.Payload",
                  "Retry":[{"ErrorEquals":["Lambda.ServiceException"],"MaxAttempts":2}],"End":true}}}""");
        Path mocks = file("m.json", """
                {"StateMachines":{"Cook":{"TestCases":{"FlakyThenOk":{"Classify":"R"}}}},
                 "MockedResponses":{"R":{"0-1":{"Throw":{"Error":"Lambda.ServiceException","Cause":"busy"}},
                                         "2":{"Return":{"StatusCode":200,"Payload":{"kind":"COOK"}}}}}}""");
        int exit = run("execute", "--definition", definition.toString(), "--mock-config", mocks.toString(),
                "--test-case", "FlakyThenOk");
        assertThat(exit).isZero();
        assertThat(JSON.readTree(out).get("output")).isEqualTo(JSON.readTree("{\"kind\":\"COOK\"}"));
    }

    @Test
    void a_missing_file_is_one_clear_line_and_exit_two() {
        int exit = run("execute", "--definition", dir.resolve("nope.json").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("bin/appliance execute: no such file: " + dir.resolve("nope.json"));
    }

    @Test
    void an_invalid_definition_is_reported_as_aws_does_with_exit_two() throws Exception {
        Path definition = file("d.json", "{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}");
        int exit = run("execute", "--definition", definition.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err).startsWith("bin/appliance execute: Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void json_that_does_not_parse_names_the_file_and_the_line() throws Exception {
        Path definition = file("d.json", "{\n  \"StartAt\": ");
        assertThat(run("execute", "--definition", definition.toString())).isEqualTo(2);
        assertThat(err).contains("d.json is not valid JSON").contains("(line 2");
    }

    @Test
    void the_history_goes_to_a_file_in_aws_shape_when_asked() throws Exception {
        Path definition = file("d.json", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        Path history = dir.resolve("history.json");
        assertThat(run("execute", "--definition", definition.toString(), "--history", history.toString())).isZero();
        JsonNode events = JSON.readTree(Files.readString(history)).get("events");
        assertThat(events).hasSize(4);
        assertThat(events.get(1).get("type").asText()).isEqualTo("PassStateEntered");
        assertThat(events.get(1).get("stateEnteredEventDetails").get("name").asText()).isEqualTo("P");
        assertThat(events.get(3).get("previousEventId").asInt()).isEqualTo(3);
    }
}
