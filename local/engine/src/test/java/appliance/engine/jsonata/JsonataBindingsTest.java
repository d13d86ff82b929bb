package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.NOW;
import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.evaluate;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonataBindingsTest {

    @Test
    void the_input_and_the_context_are_always_visible() {
        JsonataBindings bindings = bindings("{\"a\": 1}");
        assertThat(evaluate("\"{% $states.input.a %}\"", bindings)).isEqualTo(json("1"));
        assertThat(evaluate("\"{% $states.context.Execution.Id %}\"", bindings)).isEqualTo(json("\"arn:exec\""));
    }

    @Test
    void the_result_is_visible_only_where_it_is_given() {
        JsonataBindings bindings = bindings("{}");
        assertThatThrownBy(() -> evaluate("\"{% $states.result %}\"", bindings))
                .isInstanceOf(StatesFailure.class)
                .hasMessageContaining("returned nothing (undefined)");
        assertThat(evaluate("\"{% $states.result.x %}\"", bindings.withResult(json("{\"x\": 5}")))).isEqualTo(json("5"));
        assertThat(evaluate("\"{% $states.input %}\"", bindings.withResult(json("{\"x\": 5}")))).isEqualTo(json("{}"));
    }

    @Test
    void the_error_output_is_visible_only_where_it_is_given_and_hides_the_result() {
        JsonataBindings catcher = bindings("{}").withResult(json("1")).withErrorOutput(json("{\"Error\": \"E\", \"Cause\": \"c\"}"));
        assertThat(evaluate("\"{% $states.errorOutput.Error %}\"", catcher)).isEqualTo(json("\"E\""));
        assertThatThrownBy(() -> evaluate("\"{% $states.result %}\"", catcher)).isInstanceOf(StatesFailure.class);
        assertThatThrownBy(() -> evaluate("\"{% $states.errorOutput %}\"", bindings("{}"))).isInstanceOf(StatesFailure.class);
    }

    @Test
    void a_null_result_is_visible_as_null() {
        assertThat(evaluate("\"{% $states.result %}\"", bindings("{}").withResult(null)).isNull()).isTrue();
    }

    @Test
    void variables_are_read_by_name() {
        JsonataBindings bindings = bindings("{}", Map.of("count", json("3"), "nothing", json("null"), "obj", json("{\"a\": [1]}")));
        assertThat(evaluate("\"{% $count + 1 %}\"", bindings)).isEqualTo(json("4"));
        assertThat(evaluate("\"{% $nothing %}\"", bindings).isNull()).isTrue();
        assertThat(evaluate("\"{% $obj.a %}\"", bindings)).isEqualTo(json("[1]"));
        assertThatThrownBy(() -> evaluate("\"{% $missing %}\"", bindings))
                .isInstanceOfSatisfying(StatesFailure.class, f -> assertThat(f.cause()).isEqualTo(
                        "The JSONata expression '$missing' specified for the field 'Output' returned nothing (undefined)."));
    }

    @Test
    void a_variable_named_states_does_not_hide_the_reserved_states() {
        JsonataBindings bindings = bindings("{\"a\": 1}", Map.of("states", json("\"shadow\"")));
        assertThat(evaluate("\"{% $states.input.a %}\"", bindings)).isEqualTo(json("1"));
    }

    @Test
    void local_bindings_in_an_expression_do_not_leak_into_the_next_evaluation() {
        JsonataBindings bindings = bindings("{}", Map.of("x", json("1")));
        assertThat(evaluate("\"{% ($x := 99; $x) %}\"", bindings)).isEqualTo(json("99"));
        assertThat(evaluate("\"{% $x %}\"", bindings)).isEqualTo(json("1"));
    }

    @Test
    void now_and_millis_read_the_injected_time() {
        JsonataBindings bindings = bindings("{}");
        assertThat(evaluate("\"{% $now() %}\"", bindings)).isEqualTo(json("\"2024-11-22T10:29:58.123Z\""));
        assertThat(evaluate("\"{% $millis() %}\"", bindings).longValue()).isEqualTo(NOW.toEpochMilli());
        assertThat(evaluate("\"{% $now('[Y0001]-[M01]-[D01]') %}\"", bindings)).isEqualTo(json("\"2024-11-22\""));
        assertThat(evaluate("\"{% $toMillis($now()) = $millis() %}\"", bindings)).isEqualTo(json("true"));
    }

    @Test
    void random_and_uuid_come_from_the_injected_generator() {
        JsonNode first = evaluate("[\"{% $random() %}\", \"{% $uuid() %}\"]", bindings("{}"));
        JsonNode again = evaluate("[\"{% $random() %}\", \"{% $uuid() %}\"]", bindings("{}"));
        assertThat(first).isEqualTo(again);
        JsonataBindings other = JsonataBindings.of(json("{}"), json("{}"), null, new SplittableRandom(99), NOW);
        assertThat(evaluate("\"{% $random() %}\"", other)).isNotEqualTo(first.get(0));
        assertThat(first.get(0).doubleValue()).isBetween(0.0, 1.0).isNotEqualTo(1.0);
    }
}
