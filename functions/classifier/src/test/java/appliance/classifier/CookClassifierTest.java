package appliance.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CookClassifierTest {

    private final CookClassifier classifier = new CookClassifier();

    @Test
    void a_preset_stopped_before_its_time_is_an_early_preset_end_with_the_seed_message() {
        Classification result = classifier.classify(new CookEvent("m1", 45, 90, "popcorn"));

        assertThat(result.outcome()).isEqualTo(CookOutcome.EARLY_END_PRESET);
        assertThat(result.message()).isEqualTo("User ended popcorn preset early");
        assertThat(result.remainingSecs()).isEqualByComparingTo("45");
    }

    @Test
    void a_hand_set_time_stopped_early_is_an_early_custom_end_with_the_seed_message() {
        Classification result = classifier.classify(new CookEvent(null, 10, 15, null));

        assertThat(result.outcome()).isEqualTo(CookOutcome.EARLY_END_CUSTOM);
        assertThat(result.message()).isEqualTo("User ended custom cook time early");
    }

    @Test
    void a_cook_that_reached_the_requested_time_is_completed() {
        assertThat(classifier.classify(new CookEvent(null, 90, 90, "popcorn")).outcome())
                .isEqualTo(CookOutcome.COMPLETED);
        assertThat(classifier.classify(new CookEvent(null, 60, 60, null)).message())
                .isEqualTo("Custom cook time completed");
    }

    @Test
    void a_cook_that_ran_past_the_requested_time_is_completed_with_nothing_remaining() {
        Classification result = classifier.classify(new CookEvent(null, 100, 90, "defrost"));

        assertThat(result.outcome()).isEqualTo(CookOutcome.COMPLETED);
        assertThat(result.message()).isEqualTo("defrost preset completed");
        assertThat(result.remainingSecs()).isZero();
    }

    @Test
    void one_second_short_is_still_an_early_end() {
        assertThat(classifier.classify(new CookEvent(null, 89, 90, null)).outcome())
                .isEqualTo(CookOutcome.EARLY_END_CUSTOM);
    }

    @Test
    void the_seed_rule_is_on_numbers_so_a_fraction_short_is_an_early_end() {
        CookEvent event = new CookEvent(null, new BigDecimal("45.5"), new BigDecimal("60"), "popcorn");

        Classification result = classifier.classify(event);

        assertThat(result.outcome()).isEqualTo(CookOutcome.EARLY_END_PRESET);
        assertThat(result.remainingSecs()).isEqualByComparingTo("14.5");
        assertThat(classifier.classify(new CookEvent(null, new BigDecimal("60.0"), new BigDecimal("60"), null)).outcome())
                .isEqualTo(CookOutcome.COMPLETED);
    }

    @Test
    void the_json_result_carries_every_field_even_when_the_event_had_none() {
        Classification result = classifier.classify(new CookEvent(null, 10, 15, null));

        assertThat(result.toJson().toString()).isEqualTo(
                "{\"outcome\":\"EARLY_END_CUSTOM\",\"message\":\"User ended custom cook time early\","
                        + "\"appliance_id\":null,\"cook_secs\":10,\"req_secs\":15,\"remaining_secs\":5,\"pre\":null}");
    }
}
