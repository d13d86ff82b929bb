package appliance.engine.choice;

import static appliance.engine.choice.Rules.matches;
import static appliance.engine.choice.Rules.rule;
import static appliance.engine.choice.Rules.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.StatesFailure;

import org.junit.jupiter.api.Test;

class StringRulesTest {

    @Test
    void string_equals_needs_the_same_string() {
        assertThat(matches("{\"Variable\": \"$.v\", \"StringEquals\": \"Hello\"}", "{\"v\": \"Hello\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringEquals\": \"Hello\"}", "{\"v\": \"hello\"}")).isFalse();
    }

    @Test
    void a_value_of_another_type_is_not_equal_rather_than_an_error() {
        assertThat(matches("{\"Variable\": \"$.v\", \"StringEquals\": \"1\"}", "{\"v\": 1}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringEquals\": \"null\"}", "{\"v\": null}")).isFalse();
    }

    @Test
    void ordering_is_lexicographic() {
        assertThat(matches("{\"Variable\": \"$.v\", \"StringLessThan\": \"AB\"}", "{\"v\": \"A\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringGreaterThan\": \"A\"}", "{\"v\": \"a\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringLessThanEquals\": \"A\"}", "{\"v\": \"A\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringGreaterThanEquals\": \"B\"}", "{\"v\": \"A\"}")).isFalse();
    }

    @Test
    void the_path_form_compares_with_the_value_at_another_path() {
        assertThat(matches("{\"Variable\": \"$.v\", \"StringEqualsPath\": \"$.w\"}", "{\"v\": \"x\", \"w\": \"x\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringLessThanPath\": \"$$.Execution.Name\"}", "{\"v\": \"a\"}")).isTrue();
    }

    @Test
    void string_matches_treats_star_as_any_run_of_characters() {
        String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"log-*.txt\"}";
        assertThat(matches(rule, "{\"v\": \"log-2024.txt\"}")).isTrue();
        assertThat(matches(rule, "{\"v\": \"log-.txt\"}")).isTrue();
        assertThat(matches(rule, "{\"v\": \"log-2024.txt.bak\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringMatches\": \"*a*b*\"}", "{\"v\": \"xaxxbx\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringMatches\": \"*a*b*\"}", "{\"v\": \"xbxa\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringMatches\": \"ab*ba\"}", "{\"v\": \"aba\"}")).isFalse();
    }

    @Test
    void an_escaped_star_in_string_matches_is_a_literal_star() {
        String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*b\"}";
        assertThat(matches(rule, "{\"v\": \"a*b\"}")).isTrue();
        assertThat(matches(rule, "{\"v\": \"axxb\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\\\\\*\"}", "{\"v\": \"a\\\\xyz\"}")).isTrue();
    }

    @Test
    void an_open_escape_backslash_in_the_pattern_is_a_runtime_error() {
        var failure = catchThrowableOfType(StatesFailure.class,
                () -> rule("{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\b*\"}").matches(scope("{\"v\": \"ab\"}")));
        assertThat(failure.error()).isEqualTo("States.Runtime");
        assertThat(failure.cause()).contains("open escape backslash at position 1");
    }

    @Test
    void string_matches_on_a_non_string_is_false() {
        assertThat(matches("{\"Variable\": \"$.v\", \"StringMatches\": \"*\"}", "{\"v\": 5}")).isFalse();
    }
}
