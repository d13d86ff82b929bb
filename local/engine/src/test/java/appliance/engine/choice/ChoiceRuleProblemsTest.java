package appliance.engine.choice;

import static appliance.engine.choice.Rules.problems;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.DefinitionProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceRuleProblemsTest {

    private static List<String> described(String rule) {
        return problems(rule).stream().map(DefinitionProblem::describe).toList();
    }

    @Test
    void a_missing_variable_is_reported_at_the_rule() {
        assertThat(described("{\"StringEquals\": \"x\", \"Next\": \"A\"}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The field 'Variable' is required at /States/Check/Choices/0");
    }

    @Test
    void an_unknown_operator_is_reported_at_its_field() {
        assertThat(described("{\"Variable\": \"$.v\", \"StringContains\": \"x\"}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The field 'StringContains' is not supported by Step Functions"
                        + " at /States/Check/Choices/0/StringContains",
                "SCHEMA_VALIDATION_FAILED: A choice rule must have a comparison operator (such as 'StringEquals'"
                        + " or 'IsPresent') or one of 'And', 'Or', 'Not' at /States/Check/Choices/0");
        assertThat(described("{\"Variable\": \"$.v\", \"IsNullPath\": \"$.w\"}").get(0)).contains("'IsNullPath' is not supported");
    }

    @Test
    void two_operators_are_refused() {
        assertThat(described("{\"Variable\": \"$.v\", \"StringEquals\": \"x\", \"NumericEquals\": 1}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator, but has"
                        + " 'StringEquals', 'NumericEquals' at /States/Check/Choices/0");
    }

    @Test
    void a_literal_of_the_wrong_type_is_reported_at_the_operator() {
        assertThat(described("{\"Variable\": \"$.v\", \"NumericEquals\": \"1\"}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' must be a NUMBER"
                        + " at /States/Check/Choices/0/NumericEquals");
        assertThat(described("{\"Variable\": \"$.v\", \"StringEquals\": 1}").get(0)).contains("must be a STRING");
        assertThat(described("{\"Variable\": \"$.v\", \"BooleanEquals\": \"true\"}").get(0)).contains("must be a BOOLEAN");
        assertThat(described("{\"Variable\": \"$.v\", \"IsPresent\": 1}").get(0)).contains("'IsPresent' must be a BOOLEAN");
    }

    @Test
    void a_bad_timestamp_literal_is_reported() {
        assertThat(described("{\"Variable\": \"$.v\", \"TimestampEquals\": \"2016-03-14\"}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'TimestampEquals' must be a valid timestamp,"
                        + " such as 2016-03-14T01:59:00Z, but was '2016-03-14' at /States/Check/Choices/0/TimestampEquals");
    }

    @Test
    void invalid_paths_are_reported_for_the_variable_and_the_path_operand() {
        assertThat(described("{\"Variable\": \"v\", \"StringEqualsPath\": \"$..\"}")).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("'Variable' must be a valid JSONPath").endsWith("/Choices/0/Variable"))
                .anySatisfy(p -> assertThat(p).contains("'StringEqualsPath' must be a valid JSONPath"));
        assertThat(described("{\"Variable\": 5, \"IsNull\": true}").get(0)).contains("must be a STRING that contains a JSONPath");
    }

    @Test
    void combinators_need_rules_and_stand_alone() {
        assertThat(described("{\"And\": []}").get(0)).contains("'And' must be a non-empty array of choice rules");
        assertThat(described("{\"Not\": [1]}").get(0)).contains("'Not' must be a choice rule object");
        assertThat(described("{\"And\": [{\"Variable\": \"$.a\", \"IsNull\": true}], \"Variable\": \"$.a\"}").get(0))
                .contains("exactly one of 'And', 'Or', 'Not'");
    }

    @Test
    void problems_inside_nested_rules_name_their_own_location() {
        assertThat(described("{\"Or\": [{\"Variable\": \"$.a\", \"IsNull\": true}, {\"Not\": {\"Variable\": \"$.b\"}}]}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: A choice rule must have a comparison operator (such as"
                        + " 'StringEquals' or 'IsPresent') or one of 'And', 'Or', 'Not' at /States/Check/Choices/0/Or/1/Not");
    }

    @Test
    void a_nested_rule_must_not_have_next() {
        assertThat(described("{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"X\"}, \"Next\": \"Y\"}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The field 'Next' is not allowed in a choice rule nested in"
                        + " 'And', 'Or' or 'Not' at /States/Check/Choices/0/Not/Next");
    }

    @Test
    void a_rule_that_is_not_an_object_is_reported() {
        assertThat(described("\"StringEquals\"")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: A choice rule must be a JSON object at /States/Check/Choices/0");
    }
}
