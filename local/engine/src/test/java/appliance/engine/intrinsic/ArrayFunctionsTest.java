package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.failure;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayFunctionsTest {

    @Test
    void array_collects_its_arguments() {
        assertThat(eval("States.Array($.a, 'x', States.Array())", "{\"a\": {\"b\": [1]}}"))
                .isEqualTo(json("[{\"b\": [1]}, \"x\", []]"));
    }

    @Test
    void partition_cuts_chunks_and_keeps_a_short_last_one() {
        assertThat(eval("States.ArrayPartition($.a, 2)", "{\"a\": [1, 2, 3, 4, 5]}")).isEqualTo(json("[[1, 2], [3, 4], [5]]"));
        assertThat(eval("States.ArrayPartition($.a, 9)", "{\"a\": []}")).isEqualTo(json("[]"));
    }

    @Test
    void partition_needs_a_positive_chunk_size() {
        var failure = failure("States.ArrayPartition($.a, 0)", "{\"a\": [1]}");
        assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(failure.cause()).contains("States.ArrayPartition").contains("positive integer");
    }

    @Test
    void a_wrong_argument_type_is_an_intrinsic_failure_naming_both_types() {
        var failure = failure("States.ArrayPartition($.a, 'two')", "{\"a\": [1]}");
        assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(failure.cause()).isEqualTo(
                "Invalid arguments in States.ArrayPartition: The argument at index 1 must be an integer, but was string \"two\"");
        assertThat(failure("States.ArrayLength($.a)", "{\"a\": {}}").cause())
                .contains("must be an array, but was object {}");
    }

    @Test
    void contains_compares_deeply_and_numbers_by_value() {
        assertThat(eval("States.ArrayContains($.a, $.v)", "{\"a\": [[1, 2], {\"k\": 1.0}], \"v\": {\"k\": 1}}")).isEqualTo(json("true"));
        assertThat(eval("States.ArrayContains($.a, 3)", "{\"a\": [1, 2]}")).isEqualTo(json("false"));
        assertThat(eval("States.ArrayContains($.a, null)", "{\"a\": [null]}")).isEqualTo(json("true"));
    }

    @Test
    void range_includes_the_last_value_when_the_step_lands_on_it() {
        assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1, 3, 5, 7, 9]"));
        assertThat(eval("States.ArrayRange(0, 10, 3)", "{}")).isEqualTo(json("[0, 3, 6, 9]"));
        assertThat(eval("States.ArrayRange(5, 1, -2)", "{}")).isEqualTo(json("[5, 3, 1]"));
        assertThat(eval("States.ArrayRange(5, 1, 2)", "{}")).isEqualTo(json("[]"));
    }

    @Test
    void range_refuses_a_zero_step_and_more_than_1000_items() {
        assertThat(failure("States.ArrayRange(1, 2, 0)", "{}").cause()).contains("must not be 0");
        assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
        assertThat(failure("States.ArrayRange(0, 1000, 1)", "{}").cause())
                .contains("1001 items, more than the maximum of 1000");
        assertThat(failure("States.ArrayRange(-9223372036854775808, 9223372036854775807, 1)", "{}").cause())
                .contains("18446744073709551616 items");
    }

    @Test
    void range_needs_integers() {
        assertThat(failure("States.ArrayRange(1.5, 2, 1)", "{}").cause()).contains("index 0 must be an integer");
        assertThat(eval("States.ArrayRange(1.0, 2, 1)", "{}")).isEqualTo(json("[1, 2]"));
        assertThat(failure("States.ArrayGetItem($.a, 99999999999999999999)", "{\"a\": []}").cause())
                .contains("index 1 must be an integer");
    }

    @Test
    void get_item_reads_a_zero_based_index_and_refuses_one_out_of_bounds() {
        assertThat(eval("States.ArrayGetItem($.a, 1)", "{\"a\": [\"x\", \"y\"]}")).isEqualTo(json("\"y\""));
        assertThat(failure("States.ArrayGetItem($.a, 2)", "{\"a\": [\"x\", \"y\"]}").cause())
                .contains("the index 2 is out of bounds for an array of 2 items");
        assertThat(failure("States.ArrayGetItem($.a, -1)", "{\"a\": [\"x\"]}").error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void length_counts_items() {
        assertThat(eval("States.ArrayLength($)", "[null, [], {}]")).isEqualTo(json("3"));
    }

    @Test
    void unique_keeps_first_occurrences_in_order() {
        assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [1, 2, 1.0, \"1\", null, null, {\"a\": 1}, {\"a\": 1}, [], []]}"))
                .isEqualTo(json("[1, 2, \"1\", null, {\"a\": 1}, []]"));
    }
}
