package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/appliance run}, the README's main job, as a user runs it. */
class RunProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "bin/appliance run events/preset-ended-early.json";

    @Test
    void the_readme_run_prints_what_the_readme_shows() {
        ProcessResult run = UserProcess.readme(RUN).run();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        OutputShape.assertFollows(Readme.load().outputOf(RUN), run.out());
    }

    @Test
    void every_sample_runs_and_the_last_line_counts_each_kind_of_ending_which_the_exit_code_adds_up() throws IOException {
        ProcessResult run = UserProcess.readme("bin/appliance run events/*.json").run();

        // The bad-*.json samples fail in the workflow (1), except two that are no event at all (8): one is not
        // JSON, and SNS publishes no record without a message.
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1 + 8);
        List<String> samples = samples();
        long good = samples.stream().filter(name -> !name.startsWith("bad-")).count();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(samples.size() + " events: " + good + " succeeded, "
                + (samples.size() - good - 2) + " failed, 0 started nothing, 2 not events");
        assertThat(run.err()).contains("events/bad-malformed-json.json: not valid JSON", "events/bad-sns-without-message.json: ");
    }

    private static List<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(UserProcess.root().resolve("events"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        }
    }

    @Test
    void the_event_comes_from_standard_input_with_a_dash_and_from_a_file_with_dash_e() {
        String event = "{\"cook_secs\": 45, \"req_secs\": 90, \"pre\": \"popcorn\"}";

        ProcessResult stdin = UserProcess.appliance("run", "--json", "-").withStdin(event).run();
        ProcessResult named = UserProcess.appliance("run", "--json", "-e", "events/custom-ended-early.json").run();

        assertThat(stdin.exitCode()).as(stdin.describe()).isZero();
        assertThat(stdin.out()).contains("\"outcome\":\"EARLY_END_PRESET\"", "\"event\":\"-\"");
        assertThat(named.exitCode()).as(named.describe()).isZero();
        assertThat(named.out()).contains("\"outcome\":\"EARLY_END_CUSTOM\"");
    }

    @Test
    void an_event_over_256_kib_starts_no_execution_as_startexecution_refuses_it(@TempDir Path folder) throws Exception {
        Path big = folder.resolve("big.json");
        Files.writeString(big, "{\"cook_secs\": 1, \"req_secs\": 2, \"padding\": \"" + "x".repeat(300_000) + "\"}");

        ProcessResult run = UserProcess.appliance("run", "--json", big.toString()).run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(8);
        JsonNode line = JSON.readTree(run.out().strip());
        assertThat(line.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(line.get("error").asText()).contains("300", "at most 262144");
    }

    @Test
    void no_event_is_a_usage_error_that_says_what_to_give() {
        ProcessResult run = UserProcess.appliance("run").run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("bin/appliance run: no event").doesNotContain("Exception");
    }
}
