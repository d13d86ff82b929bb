package appliance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Produces our history for every execution AWS recorded one for ({@code aws-recorded-histories.jsonl})
 * and compares them event for event by the corpus README's rules ({@link HistoryComparison}). A ratchet:
 * the build fails when a history outside known-history-deviations.txt differs, and when a listed one is
 * identical (so the list only shrinks).
 */
class AwsHistoryConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_recorded_history_is_identical_except_the_known_deviations() throws IOException {
        Path histories = SharedCorpus.find("aws-recorded-histories.jsonl");
        Path cases = SharedCorpus.find("aws-recorded-cases.jsonl");
        Assumptions.assumeTrue(histories != null && cases != null,
                "../shared/conformance/ is absent: no recorded histories to compare with");
        Map<String, String> known = SharedCorpus.knownDeviations("/conformance/known-history-deviations.txt");
        Map<String, ConformanceCase> casesByName = new HashMap<>();
        for (String line : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ConformanceCase testCase = ConformanceCase.fromJson(JSON.readTree(line));
                casesByName.put(testCase.name(), testCase);
            }
        }
        ConformanceRunner runner = new ConformanceRunner();
        List<String> unexpected = new ArrayList<>();
        List<String> listedButIdentical = new ArrayList<>();
        int total = 0;
        int identical = 0;
        int sameTypesAndIds = 0;
        for (String line : Files.readAllLines(histories, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode recorded = JSON.readTree(line);
            String name = recorded.get("name").asText();
            total++;
            ConformanceCase testCase = casesByName.get(name);
            assertThat(testCase).as("the case of recorded history " + name).isNotNull();
            JsonNode ours = runner.run(testCase).historyJson(name).get("events");
            HistoryComparison.Result result = HistoryComparison.compare(recorded.get("events"), ours);
            identical += result.verdict() == HistoryComparison.Verdict.IDENTICAL ? 1 : 0;
            sameTypesAndIds += result.verdict() != HistoryComparison.Verdict.DIFFERENT ? 1 : 0;
            boolean listed = known.containsKey(name);
            if (result.verdict() != HistoryComparison.Verdict.IDENTICAL && !listed) {
                unexpected.add(name + "\n    " + result.firstDifference());
            } else if (result.verdict() == HistoryComparison.Verdict.IDENTICAL && listed) {
                listedButIdentical.add(name);
            }
        }
        System.out.printf("AWS-recorded histories: %d/%d identical, %d same types and ids, %d known deviations%n",
                identical, total, sameTypesAndIds, known.size());
        assertThat(total).as("recorded histories read").isEqualTo(398);
        assertThat(unexpected).as("histories that differ and are not in known-history-deviations.txt").isEmpty();
        assertThat(listedButIdentical)
                .as("histories in known-history-deviations.txt that are identical now: remove them from the file")
                .isEmpty();
    }
}
