package appliance.engine.choice;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.DefinitionProblem;
import appliance.engine.error.DefinitionProblems;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Test helpers: compile a rule from JSON text and run it against some input. */
final class Rules {

    static final String AT = "/States/Check/Choices/0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rules() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ChoiceRule rule(String ruleJson) {
        DefinitionProblems problems = new DefinitionProblems();
        ChoiceRule rule = ChoiceRule.compile(json(ruleJson), AT, problems);
        assertThat(problems.all()).as("problems of " + ruleJson).isEmpty();
        assertThat(rule).isNotNull();
        return rule;
    }

    static boolean matches(String ruleJson, String input) {
        return rule(ruleJson).matches(scope(input));
    }

    static DataScope scope(String input) {
        return new DataScope(json(input), json("{\"Execution\": {\"Name\": \"run-1\"}}"), Map.of("limit", json("10"))::get);
    }

    /** The problems a rule has; asserts that compiling it gave no rule. */
    static List<DefinitionProblem> problems(String ruleJson) {
        DefinitionProblems problems = new DefinitionProblems();
        assertThat(ChoiceRule.compile(json(ruleJson), AT, problems)).isNull();
        return problems.all();
    }
}
