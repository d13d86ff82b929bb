package appliance.engine.choice;

import static appliance.engine.choice.Rules.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericAndBooleanRulesTest {

    @Test
    void numbers_compare_by_value_whatever_their_notation() {
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericEquals\": 1}", "{\"v\": 1.0}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericEquals\": 2.22}", "{\"v\": 2.22}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericLessThan\": 1}", "{\"v\": 0.999}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericGreaterThan\": 1}", "{\"v\": 1}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericGreaterThanEquals\": 1}", "{\"v\": 1}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericLessThanEquals\": -1}", "{\"v\": -2}")).isTrue();
    }

    @Test
    void a_string_holding_a_number_is_not_a_number() {
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericEquals\": 1}", "{\"v\": \"1\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericEquals\": 0}", "{\"v\": false}")).isFalse();
    }

    @Test
    void the_numeric_path_form_reads_variables_too() {
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericLessThanPath\": \"$limit\"}", "{\"v\": 9}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"NumericEqualsPath\": \"$.w\"}", "{\"v\": 1, \"w\": \"1\"}")).isFalse();
    }

    @Test
    void boolean_equals_needs_a_boolean_of_the_same_value() {
        assertThat(matches("{\"Variable\": \"$.v\", \"BooleanEquals\": true}", "{\"v\": true}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"BooleanEquals\": false}", "{\"v\": 0}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"BooleanEquals\": true}", "{\"v\": \"true\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"BooleanEqualsPath\": \"$.w\"}", "{\"v\": false, \"w\": false}")).isTrue();
    }
}
