package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.evaluate;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The functions Step Functions adds to JSONata, called through expressions as a workflow calls them. */
class StepFunctionsFunctionsTest {

    private static JsonNode eval(String expression) {
        return evaluate("\"{% " + expression.replace("\"", "\\\"") + " %}\"", bindings("{}"));
    }

    private static String causeOf(String expression) {
        try {
            eval(expression);
        } catch (StatesFailure failure) {
            return failure.cause();
        }
        throw new AssertionError("expected a failure for " + expression);
    }

    @Test
    void partition_cuts_an_array_into_chunks_with_a_shorter_last_one() {
        assertThat(eval("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)")).isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertThat(eval("$partition([0, 1], 2)")).isEqualTo(json("[[0, 1]]"));
    }

    @Test
    void partition_keeps_a_single_chunk_wrapped() {
        assertThat(eval("$partition([0], 5)")).isEqualTo(json("[[0]]"));
    }

    @Test
    void partition_of_an_empty_array_is_an_empty_array() {
        assertThat(eval("$partition([], 2)")).isEqualTo(json("[]"));
    }

    @Test
    void partition_rejects_a_size_that_is_not_a_positive_integer() {
        assertThat(causeOf("$partition([1], 0)")).endsWith(
                "threw an error during evaluation: The argument 'size' of $partition must be a positive integer, but was: 0");
        assertThat(causeOf("$partition([1], 1.5)")).endsWith("The argument 'size' of $partition must be an integer, but was: 1.5");
        // The jsonata-java port numbers the offending argument differently from reference JSONata (it says
        // "Argument 1" here where JSONata says "Argument 2"), so only the code and the function are checked.
        assertThat(causeOf("$partition([1], 'x')")).contains("T0410: Argument ").contains("of function \"partition\"");
    }

    @Test
    void range_counts_from_start_to_end_inclusive_by_step() {
        assertThat(eval("$range(0, 10, 2)")).isEqualTo(json("[0, 2, 4, 6, 8, 10]"));
        assertThat(eval("$range(0, 10, 3)")).isEqualTo(json("[0, 3, 6, 9]"));
        assertThat(eval("$range(5, 1, -2)")).isEqualTo(json("[5, 3, 1]"));
    }

    @Test
    void range_of_one_number_is_that_number_as_aws_returns_it() {
        assertThat(eval("$range(1, 9, 9)")).isEqualTo(json("1"));
    }

    @Test
    void range_rejects_a_zero_step_and_an_empty_range_is_nothing() {
        assertThat(causeOf("$range(1, 2, 0)")).endsWith("The argument 'step' of $range must not be 0");
        assertThat(causeOf("$range(5, 1, 1)")).endsWith("returned nothing (undefined).");
    }

    @Test
    void range_refuses_to_build_more_items_than_jsonata_allows_a_range() {
        assertThat(causeOf("$range(1, 2000001, 1)")).endsWith("$range would return more than 1000000 items");
        assertThat(eval("$count($range(1, 5000, 1))")).isEqualTo(json("5000"));
    }

    @Test
    void hash_gives_the_lowercase_hex_digest() {
        assertThat(eval("$hash('abc', 'SHA-256')")).isEqualTo(
                json("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
        assertThat(eval("$hash('abc', 'MD5')")).isEqualTo(json("\"900150983cd24fb0d6963f7d28e17f72\""));
        assertThat(eval("$hash('abc', 'SHA-1')")).isEqualTo(json("\"a9993e364706816aba3e25717850c26c9cd0d89d\""));
        assertThat(eval("$length($hash('abc', 'SHA-384'))")).isEqualTo(json("96"));
        assertThat(eval("$length($hash('abc', 'SHA-512'))")).isEqualTo(json("128"));
    }

    @Test
    void hash_rejects_an_unknown_algorithm() {
        assertThat(causeOf("$hash('abc', 'SHA-3')")).endsWith(
                "The hash algorithm 'SHA-3' is not supported by $hash; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }

    @Test
    void random_with_a_seed_gives_the_number_aws_gives() {
        // AWS's seeded $random is java.util.Random's first double: seed 42 gives this value there.
        assertThat(eval("$random(42)").doubleValue()).isEqualTo(0.7275636800328681);
    }

    @Test
    void hash_matches_the_digest_aws_returns() {
        assertThat(eval("$hash('input', 'SHA-1')")).isEqualTo(json("\"140f86aae51ab9e1cda9b4254fe98a74eb54c1a1\""));
    }

    @Test
    void random_with_a_seed_is_repeatable() {
        assertThat(eval("$random(42)")).isEqualTo(eval("$random(42)"));
        assertThat(eval("$random(42)")).isNotEqualTo(eval("$random(43)"));
        assertThat(eval("$random(42)").doubleValue()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }

    @Test
    void uuid_is_a_version_4_uuid() {
        assertThat(eval("$uuid()").textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(eval("$uuid() = $uuid()")).isEqualTo(json("false"));
    }

    @Test
    void parse_reads_any_json_value() {
        assertThat(eval("$parse('-0')")).isEqualTo(json("0"));
        assertThat(eval("$parse('1.1')")).isEqualTo(json("1.1"));
        assertThat(eval("$parse('\"HelloWorld\"')")).isEqualTo(json("\"HelloWorld\""));
        assertThat(eval("$parse('{\"Arg1\": 1, \"Arg2\": []}')")).isEqualTo(json("{\"Arg1\": 1, \"Arg2\": []}"));
        assertThat(eval("$parse('null')").isNull()).isTrue();
    }

    @Test
    void parse_rejects_text_that_is_not_json() {
        assertThat(causeOf("$parse('{oops')")).endsWith("The argument of $parse is not valid JSON: {oops");
        assertThat(causeOf("$parse('1 2')")).endsWith("The argument of $parse is not valid JSON: 1 2");
    }
}
