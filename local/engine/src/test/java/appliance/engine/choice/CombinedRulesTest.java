package appliance.engine.choice;

import static appliance.engine.choice.Rules.matches;
import static appliance.engine.choice.Rules.rule;
import static appliance.engine.choice.Rules.scope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombinedRulesTest {

    private static final String RANGE = "{\"And\": ["
            + "{\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 20},"
            + "{\"Variable\": \"$.n\", \"NumericLessThan\": 30}]}";

    @Test
    void and_needs_every_rule() {
        assertThat(matches(RANGE, "{\"n\": 25}")).isTrue();
        assertThat(matches(RANGE, "{\"n\": 30}")).isFalse();
    }

    @Test
    void or_needs_one_rule_and_stops_there() {
        String rule = "{\"Or\": [{\"Variable\": \"$.a\", \"IsPresent\": true}, {\"Variable\": \"$.missing\", \"IsNull\": true}]}";
        // The second rule would fail on its missing path: Or never reaches it when the first holds.
        assertThat(matches(rule, "{\"a\": 1}")).isTrue();
    }

    @Test
    void not_inverts_and_rules_nest() {
        assertThat(matches("{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"}}", "{\"type\": \"Public\"}")).isTrue();
        String nested = "{\"Or\": [{\"Not\": " + RANGE + "}, {\"Variable\": \"$.force\", \"BooleanEquals\": true}]}";
        assertThat(matches(nested, "{\"n\": 25, \"force\": false}")).isFalse();
        assertThat(matches(nested, "{\"n\": 5, \"force\": false}")).isTrue();
    }

    @Test
    void branch_fields_beside_a_top_level_rule_are_ignored() {
        assertThat(matches("{\"Not\": " + RANGE + ", \"Next\": \"OutOfRange\", \"Comment\": \"c\"}", "{\"n\": 31}")).isTrue();
    }

    @Test
    void branch_fields_beside_the_rule_are_ignored() {
        ChoiceRule rule = rule("{\"Variable\": \"$.v\", \"IsNull\": true, \"Next\": \"X\", \"Comment\": \"c\","
                + " \"Assign\": {\"a\": 1}, \"Output\": {}}");
        assertThat(rule.matches(scope("{\"v\": null}"))).isTrue();
    }

    @Test
    void one_compiled_rule_serves_many_inputs() {
        ChoiceRule rule = rule(RANGE);
        assertThat(rule.matches(scope("{\"n\": 21}"))).isTrue();
        assertThat(rule.matches(scope("{\"n\": 19}"))).isFalse();
        assertThat(rule.matches(scope("{\"n\": 21}"))).isTrue();
    }
}
