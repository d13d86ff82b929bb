package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.failure;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MathAndRandomFunctionsTest {

    @Test
    void add_sums_integers() {
        assertThat(eval("States.MathAdd($.a, -1)", "{\"a\": 3}")).isEqualTo(json("2"));
    }

    @Test
    void add_rounds_each_decimal_half_up_towards_positive_infinity() {
        assertThat(eval("States.MathAdd(1.49, 1.5)", "{}").asLong()).isEqualTo(3);
        assertThat(eval("States.MathAdd(-1.5, -1.51)", "{}").asLong()).isEqualTo(-3);
        assertThat(eval("States.MathAdd(-2.5, 0)", "{}").asLong()).isEqualTo(-2);
        assertThat(eval("States.MathAdd(-0.5, 0.5)", "{}").asLong()).isEqualTo(1);
    }

    @Test
    void add_refuses_values_outside_the_integer_range_and_non_numbers() {
        assertThat(failure("States.MathAdd(2147483648, 0)", "{}").cause()).contains("between -2147483648 and 2147483647");
        assertThat(failure("States.MathAdd('1', 0)", "{}").cause()).contains("index 0 must be a number");
    }

    @Test
    void random_stays_within_start_inclusive_and_end_exclusive() {
        Random random = new Random(42);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(eval("States.MathRandom(1, 4)", "{}", random).asLong());
        }
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void random_draws_from_the_injected_generator() {
        assertThat(eval("States.MathRandom(0, 1000000)", "{}", new Random(5)))
                .isEqualTo(eval("States.MathRandom(0, 1000000)", "{}", new Random(5)));
    }

    @Test
    void a_seeded_random_is_the_same_for_the_same_seed_whatever_the_generator() {
        var first = eval("States.MathRandom(0, 1000000, 7)", "{}", new Random(1));
        assertThat(eval("States.MathRandom(0, 1000000, 7)", "{}", new Random(2))).isEqualTo(first);
        assertThat(first.asLong()).isBetween(0L, 999999L);
    }

    @Test
    void random_needs_start_below_end() {
        assertThat(failure("States.MathRandom(5, 5)", "{}").cause()).contains("must be less than the end");
    }

    @Test
    void uuid_is_a_version_4_uuid_from_the_injected_generator() {
        String text = eval("States.UUID()", "{}", new Random(3)).asText();
        UUID uuid = UUID.fromString(text);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(eval("States.UUID()", "{}", new Random(3)).asText()).isEqualTo(text);
        assertThat(eval("States.UUID()", "{}", new Random(4)).asText()).isNotEqualTo(text);
    }
}
