package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.conformance.HistoryComparison;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/appliance conformance CASES --histories OUT}, as a process, on the AWS-recorded corpus
 * (skipped where {@code ../shared/conformance/} is absent); then the corpus's own
 * {@code score_history.py} and this project's {@link HistoryComparison} score the file it wrote, and
 * must agree case by case.
 */
class ConformanceHistoriesProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIFF = Pattern.compile("^DIFF (.+?): events \\d+ recorded", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^histories: (\\d+)/(\\d+) identical", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void the_histories_it_writes_score_the_same_under_score_history_py_and_our_comparison() throws Exception {
        Path shared = UserProcess.root().resolveSibling("shared").resolve("conformance");
        Assumptions.assumeTrue(Files.isRegularFile(shared.resolve("aws-recorded-histories.jsonl")),
                "../shared/conformance/ is absent: no recorded histories to compare with");
        Assumptions.assumeTrue(python3Runs(), "python3 is absent: score_history.py cannot run (.ci/run installs it)");
        Path histories = dir.resolve("histories.jsonl");

        ProcessResult run = UserProcess.appliance("conformance",
                shared.resolve("aws-recorded-cases.jsonl").toString(), "--histories", histories.toString()).run();

        assertThat(run.err()).as(run.describe()).isEmpty();
        assertThat(run.out()).endsWith("895 passed, 0 failed" + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(histories)).hasSize(895);

        String python = score(shared, histories);
        Matcher total = TOTAL.matcher(python);
        assertThat(total.find()).as("score_history.py's summary in:%n%s", python).isTrue();
        Set<String> differentForPython = new TreeSet<>();
        DIFF.matcher(python).results().forEach(m -> differentForPython.add(m.group(1)));

        Set<String> differentForUs = new TreeSet<>();
        int identical = 0;
        Map<String, JsonNode> ours = byName(histories);
        for (String line : Files.readAllLines(shared.resolve("aws-recorded-histories.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode recorded = JSON.readTree(line);
            String name = recorded.get("name").asText();
            HistoryComparison.Result result = HistoryComparison.compare(recorded.get("events"), ours.get(name));
            if (result.verdict() == HistoryComparison.Verdict.IDENTICAL) {
                identical++;
            } else {
                differentForUs.add(name);
            }
        }
        assertThat(differentForUs).as("histories our comparison finds different").isEqualTo(differentForPython);
        assertThat(identical).as("identical histories, ours and score_history.py's")
                .isEqualTo(Integer.parseInt(total.group(1)));
    }

    private static Map<String, JsonNode> byName(Path file) throws IOException {
        Map<String, JsonNode> events = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode history = JSON.readTree(line);
            events.put(history.get("name").asText(), history.get("events"));
        }
        return events;
    }

    private String score(Path shared, Path histories) throws IOException, InterruptedException {
        Path out = dir.resolve("score.txt");
        Process process = new ProcessBuilder("python3", shared.resolve("score_history.py").toString(),
                shared.resolve("aws-recorded-histories.jsonl").toString(), histories.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("score_history.py ended").isTrue();
        assertThat(process.exitValue()).as("score_history.py's exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static boolean python3Runs() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
