package appliance.engine.choice;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.DefinitionProblems;
import appliance.engine.error.StatesFailure;
import appliance.engine.intrinsic.RecordedCases.RecordedCase;
import appliance.engine.intrinsic.RecordedCases;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every recorded case of the simplest Choice shape: the machine starts at a Choice state and
 * every branch is a Pass state with a fixed {@code Result} that ends the execution. A tiny stand-in
 * for the interpreter picks the branch; the real interpreter's conformance test covers the rest once
 * the branches meet.
 */
class ChoiceCorpusTest {

    static Stream<RecordedCase> choiceCases() {
        return RecordedCases.all().stream().filter(ChoiceCorpusTest::isSimpleChoice);
    }

    static boolean isSimpleChoice(RecordedCase c) {
        JsonNode states = c.definition().path("States");
        JsonNode start = states.path(c.definition().path("StartAt").asText());
        if (c.definition().has("QueryLanguage") || !"Choice".equals(start.path("Type").asText())) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> all = states.fields();
        while (all.hasNext()) {
            JsonNode state = all.next().getValue();
            if (state == start) {
                continue;
            }
            boolean fixedPass = "Pass".equals(state.path("Type").asText()) && state.has("Result")
                    && state.path("End").asBoolean() && Stream.of("Type", "Result", "End", "Comment")
                    .toList().containsAll(namesOf(state.fieldNames()));
            if (!fixedPass) {
                return false;
            }
        }
        return Stream.of("Type", "Choices", "Default", "Comment").toList().containsAll(namesOf(start.fieldNames()));
    }

    private static List<String> namesOf(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choiceCases")
    void matches_what_aws_recorded(RecordedCase recorded) {
        JsonNode states = recorded.definition().get("States");
        String startName = recorded.definition().get("StartAt").asText();
        JsonNode choices = states.get(startName).get("Choices");
        DataScope scope = new DataScope(recorded.input(), JsonNodeFactory.instance.objectNode(), null);
        JsonNode expected = recorded.expected();
        try {
            String next = choose(choices, states.get(startName).path("Default").asText(null), startName, scope);
            assertThat(expected.path("status").asText()).as("status").isEqualTo("SUCCEEDED");
            JsonNode output = states.get(next).get("Result");
            assertThat(RecordedCases.sameJson(output, expected.get("output")))
                    .as("output %s, expected %s", output, expected.get("output")).isTrue();
        } catch (StatesFailure failure) {
            assertThat(failure.error()).as("error (cause: %s)", failure.cause()).isEqualTo(expected.path("error").asText());
            assertThat(failure.cause()).isEqualTo(expected.path("cause").asText());
        }
    }

    /** Every element of every Choices array in the corpus's JSONPath definitions, with its location. */
    static Stream<Arguments> choiceRulesAnywhere() {
        Stream.Builder<Arguments> rules = Stream.builder();
        for (RecordedCase recorded : RecordedCases.all()) {
            if (!recorded.definition().toString().contains("JSONata")) {
                collectRules(recorded.name(), recorded.definition(), "", rules);
            }
        }
        return rules.build();
    }

    private static void collectRules(String name, JsonNode node, String location,
            Stream.Builder<Arguments> rules) {
        if (node.isObject()) {
            if ("Choice".equals(node.path("Type").asText()) && node.path("Choices").isArray()) {
                for (int i = 0; i < node.get("Choices").size(); i++) {
                    rules.add(Arguments.of(
                            name + " " + location + "/Choices/" + i, node.get("Choices").get(i)));
                }
            }
            node.fields().forEachRemaining(f -> collectRules(name, f.getValue(), location + "/" + f.getKey(), rules));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRules(name, node.get(i), location + "/" + i, rules);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choiceRulesAnywhere")
    void every_choice_rule_in_the_corpus_compiles_without_problems(String where, JsonNode rule) {
        DefinitionProblems problems = new DefinitionProblems();
        assertThat(ChoiceRule.compile(rule, where, problems)).isNotNull();
        assertThat(problems.all()).isEmpty();
    }

    /** The first branch whose rule matches, else Default, else States.NoChoiceMatched as the interpreter raises it. */
    private static String choose(JsonNode choices, String defaultNext, String stateName, DataScope scope) {
        for (int i = 0; i < choices.size(); i++) {
            DefinitionProblems problems = new DefinitionProblems();
            ChoiceRule rule = ChoiceRule.compile(choices.get(i), "/States/" + stateName + "/Choices/" + i, problems);
            problems.throwIfAny();
            if (rule.matches(scope)) {
                return choices.get(i).get("Next").asText();
            }
        }
        if (defaultNext == null) {
            throw new StatesFailure("States.NoChoiceMatched", "No Choice Rule matched and no Default was specified");
        }
        return defaultNext;
    }
}
