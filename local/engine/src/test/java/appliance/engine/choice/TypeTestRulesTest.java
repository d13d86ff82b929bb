package appliance.engine.choice;

import static appliance.engine.choice.Rules.matches;
import static appliance.engine.choice.Rules.rule;
import static appliance.engine.choice.Rules.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.StatesFailure;
import org.junit.jupiter.api.Test;

class TypeTestRulesTest {

    @Test
    void each_test_checks_one_json_type() {
        assertThat(matches("{\"Variable\": \"$.v\", \"IsNull\": true}", "{\"v\": null}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsNumeric\": true}", "{\"v\": 1.5}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsNumeric\": true}", "{\"v\": \"1\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsString\": true}", "{\"v\": \"\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsBoolean\": true}", "{\"v\": false}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", "{\"v\": \"2016-03-14T01:59:00Z\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", "{\"v\": \"2016-03-14\"}")).isFalse();
    }

    @Test
    void false_asks_for_the_opposite() {
        assertThat(matches("{\"Variable\": \"$.v\", \"IsNull\": false}", "{\"v\": 0}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsString\": false}", "{\"v\": \"x\"}")).isFalse();
    }

    @Test
    void is_present_is_false_for_a_missing_field_and_true_for_a_json_null() {
        assertThat(matches("{\"Variable\": \"$.missing\", \"IsPresent\": true}", "{}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.missing\", \"IsPresent\": false}", "{}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"IsPresent\": true}", "{\"v\": null}")).isTrue();
        assertThat(matches("{\"Variable\": \"$nothing\", \"IsPresent\": true}", "{}")).isFalse();
    }

    @Test
    void a_missing_variable_fails_every_other_rule_with_a_runtime_error() {
        StatesFailure failure = catchThrowableOfType(StatesFailure.class,
                () -> rule("{\"Variable\": \"$.missing\", \"IsNull\": true}").matches(scope("{}")));
        assertThat(failure.error()).isEqualTo("States.Runtime");
        assertThat(failure.cause()).isEqualTo("Invalid path '$.missing': The choice state's condition path references an invalid value.");
        StatesFailure onOperand = catchThrowableOfType(StatesFailure.class,
                () -> rule("{\"Variable\": \"$.v\", \"NumericEqualsPath\": \"$.w\"}").matches(scope("{\"v\": 1}")));
        assertThat(onOperand.cause()).startsWith("Invalid path '$.w'");
    }
}
