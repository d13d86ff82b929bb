package appliance.engine.choice;

import static appliance.engine.choice.Rules.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampRulesTest {

    @Test
    void timestamps_compare_as_instants_across_offsets() {
        assertThat(matches("{\"Variable\": \"$.v\", \"TimestampEquals\": \"2012-10-09T19:00:55Z\"}",
                "{\"v\": \"2012-10-09T20:00:55+01:00\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"TimestampLessThan\": \"2012-10-09T19:00:55Z\"}",
                "{\"v\": \"2012-10-09T19:00:54.999Z\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"TimestampGreaterThan\": \"2012-10-09T19:00:55Z\"}",
                "{\"v\": \"2012-10-09T19:00:55Z\"}")).isFalse();
        assertThat(matches("{\"Variable\": \"$.v\", \"TimestampGreaterThanEquals\": \"2012-10-09T19:00:55Z\"}",
                "{\"v\": \"2012-10-09T19:00:55Z\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.v\", \"TimestampLessThanEquals\": \"2012-10-09T19:00:55Z\"}",
                "{\"v\": \"2013-01-01T00:00:00Z\"}")).isFalse();
    }

    @Test
    void a_value_that_is_not_an_offset_timestamp_never_matches() {
        String rule = "{\"Variable\": \"$.v\", \"TimestampLessThan\": \"2030-01-01T00:00:00Z\"}";
        assertThat(matches(rule, "{\"v\": \"2012-10-09T19:00:55\"}")).isFalse();
        assertThat(matches(rule, "{\"v\": \"2023-02-24\"}")).isFalse();
        assertThat(matches(rule, "{\"v\": \"2023-02-24 12:15:56Z\"}")).isFalse();
        assertThat(matches(rule, "{\"v\": 1}")).isFalse();
    }

    @Test
    void the_t_and_z_must_be_uppercase_and_seconds_present_as_the_developer_guide_says() {
        String isTimestamp = "{\"Variable\": \"$.v\", \"IsTimestamp\": true}";
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18T17:33:00Z\"}")).isTrue();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18T17:33:00.123456789-05:30\"}")).isTrue();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18t17:33:00Z\"}")).isFalse();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18T17:33:00z\"}")).isFalse();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18T17:33Z\"}")).isFalse();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-02-30T17:33:00Z\"}")).isFalse();
        assertThat(matches(isTimestamp, "{\"v\": \"2016-08-18T25:33:00Z\"}")).isFalse();
    }

    @Test
    void the_timestamp_path_form_compares_two_values_of_the_input() {
        assertThat(matches("{\"Variable\": \"$.a\", \"TimestampLessThanPath\": \"$.b\"}",
                "{\"a\": \"2012-10-09T19:00:55Z\", \"b\": \"2012-10-09T19:00:56Z\"}")).isTrue();
        assertThat(matches("{\"Variable\": \"$.a\", \"TimestampEqualsPath\": \"$.b\"}",
                "{\"a\": \"2012-10-09T19:00:55Z\", \"b\": \"not a time\"}")).isFalse();
    }
}
