package appliance.engine.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus's JSONata cases (see {@link #isJsonataCase}) whose definition the test-only
 * {@link FlatMachineHarness} can run (Pass chains, and JSONata Choice, Fail, Wait and Map of Pass states):
 * each must give AWS's recorded status, output, error and cause. The others need the interpreter (Task,
 * Retry, Catch); {@link #coverage_by_shape} lists them.
 */
class JsonataCorpusTest {

    /** Numbers compare by value: the corpus may write 1.0 where we produce 1. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /**
     * The team's count of "JSONata cases" (126): the definition mentions JSONata or holds a {% %} string.
     * That includes one pure JSONPath definition whose state is merely named "JSONataState".
     */
    static boolean isJsonataCase(JsonNode testCase) {
        String definition = testCase.get("definition").toString();
        return definition.contains("JSONata") || definition.contains("{%");
    }

    private static List<JsonNode> jsonataCases() {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode testCase : ConformanceCorpus.load()) {
            if (isJsonataCase(testCase)) {
                cases.add(testCase);
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> simple_definitions_match_aws() {
        return jsonataCases().stream()
                .filter(c -> FlatMachineHarness.unsupportedReason(c.get("definition")) == null)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> assertMatches(c)));
    }

    private static void assertMatches(JsonNode testCase) {
        JsonNode expected = testCase.get("expected");
        FlatMachineHarness.Outcome outcome = FlatMachineHarness.run(testCase.get("definition"), testCase.get("input"));
        assertThat(outcome.status()).isEqualTo(expected.get("status").asText());
        if (outcome.status().equals("SUCCEEDED")) {
            assertThat(outcome.output().equals(NUMERIC, expected.get("output")))
                    .as("output %s, expected %s", outcome.output(), expected.get("output"))
                    .isTrue();
        } else {
            assertThat(outcome.error()).isEqualTo(textOrNull(expected.get("error")));
            assertThat(outcome.cause()).isEqualTo(textOrNull(expected.get("cause")));
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @Test
    void coverage_by_shape() {
        List<JsonNode> cases = jsonataCases();
        Map<String, Integer> notCovered = new TreeMap<>();
        int covered = 0;
        int passOnly = 0;
        for (JsonNode testCase : cases) {
            String reason = FlatMachineHarness.unsupportedReason(testCase.get("definition"));
            if (reason == null) {
                covered++;
                passOnly += FlatMachineHarness.isPassOnly(testCase.get("definition")) ? 1 : 0;
            } else {
                notCovered.merge(reason, 1, Integer::sum);
            }
        }
        System.out.println("JSONata corpus cases: " + cases.size() + "; run by the harness: " + covered
                + " (Pass chains: " + passOnly + ")");
        notCovered.forEach((reason, count) -> System.out.println("  not covered, " + reason + ": " + count));
        assertThat(cases.size()).isEqualTo(126);
        assertThat(passOnly).isGreaterThanOrEqualTo(63);
        assertThat(covered).isGreaterThanOrEqualTo(118);
    }
}
