package appliance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.InvalidDefinitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every case AWS recorded, JSONPath and JSONata, and compares. A ratchet: the build fails when a
 * case outside known-deviations.txt fails, and when a listed case passes (so the list only shrinks).
 */
class AwsConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_recorded_case_matches_aws_except_the_known_deviations() throws IOException {
        Path corpus = SharedCorpus.find("aws-recorded-cases.jsonl");
        Assumptions.assumeTrue(corpus != null, "../shared/conformance/ is absent: no corpus to compare with");
        Map<String, String> known = SharedCorpus.knownDeviations("/conformance/known-deviations.txt");
        ConformanceRunner runner = new ConformanceRunner();
        List<String> unexpected = new ArrayList<>();
        List<String> listedButPassing = new ArrayList<>();
        Map<String, int[]> byArea = new TreeMap<>();
        int pass = 0;
        int close = 0;
        int fail = 0;
        int[] jsonata = new int[3];
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ConformanceCase testCase = ConformanceCase.fromJson(JSON.readTree(line));
            Verdict verdict;
            String detail;
            try {
                CaseOutcome outcome = runner.run(testCase);
                verdict = Verdict.of(testCase.expected(), outcome);
                detail = "got " + outcome.toJson(testCase.name()).without("name") + " expected " + testCase.expected();
            } catch (InvalidDefinitionException e) {
                verdict = Verdict.FAIL;
                detail = e.getMessage();
            }
            if (testCase.isJsonata()) {
                jsonata[verdict.ordinal()]++;
            }
            int[] counts = byArea.computeIfAbsent(testCase.area(), a -> new int[3]);
            counts[verdict.ordinal()]++;
            switch (verdict) {
                case PASS -> pass++;
                case CLOSE -> close++;
                case FAIL -> fail++;
            }
            boolean listed = known.containsKey(testCase.name());
            if (verdict == Verdict.FAIL && !listed) {
                unexpected.add(testCase.name() + "\n    " + detail);
            } else if (verdict != Verdict.FAIL && listed) {
                listedButPassing.add(testCase.name());
            }
        }
        StringBuilder summary = new StringBuilder("AWS conformance (JSONPath and JSONata):\n");
        byArea.forEach((area, c) -> summary.append(String.format("  %-40s %4d pass %4d cause-differs %4d fail%n",
                area, c[0], c[1], c[2])));
        summary.append(String.format("  %d cause-exact, %d close (cause differs), %d failed%n", pass, close, fail));
        summary.append(String.format("  of them JSONata: %d cause-exact, %d close, %d failed%n", jsonata[0], jsonata[1], jsonata[2]));
        System.out.println(summary);
        assertThat(unexpected).as("cases that fail and are not in known-deviations.txt").isEmpty();
        assertThat(listedButPassing).as("cases in known-deviations.txt that pass now: remove them from the file").isEmpty();
    }
}
