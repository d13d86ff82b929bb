package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TypedEvaluationTest {

    private static JsonataTemplate template(String value, String field) {
        return JsonataTemplate.compile(json(value), field);
    }

    private static Consumer<StatesFailure> cause(String expected) {
        return failure -> {
            assertThat(failure.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
            assertThat(failure.cause()).isEqualTo(expected);
        };
    }

    @Test
    void items_must_be_an_array_and_the_cause_shows_the_type_and_value() {
        String[][] cases = {
                {"1", "number", "1"},
                {"'string'", "string", "\"string\""},
                {"true", "boolean", "true"},
                {"{'foo': 'bar'}", "object", "{\"foo\":\"bar\"}"},
                {"null", "null", "null"},
        };
        for (String[] c : cases) {
            JsonataTemplate items = template("\"{% " + c[0] + " %}\"", "Items");
            assertThatThrownBy(() -> items.evaluateArray(bindings("{}")))
                    .as(c[0])
                    .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression '" + c[0]
                            + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                            + c[1] + "' for value: " + c[2]));
        }
    }

    @Test
    void items_that_return_a_function_have_an_unsupported_type() {
        assertThatThrownBy(() -> template("\"{% $fn := function($x){$x} %}\"", "Items").evaluateArray(bindings("{}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression '$fn := function($x){$x}' "
                        + "specified for the field 'Items' returned an unsupported result type."));
    }

    @Test
    void items_from_a_variable_and_items_as_an_array_with_expressions() {
        JsonataBindings bindings = bindings("{}", Map.of("ItemsVar", json("[\"Item1\", \"Item2\"]")));
        assertThat(template("\"{% $ItemsVar %}\"", "Items").evaluateArray(bindings)).isEqualTo(json("[\"Item1\", \"Item2\"]"));
        assertThat(template("[1, \"{% $number('2') %}\", 3]", "Items").evaluateArray(bindings)).isEqualTo(json("[1, 2, 3]"));
    }

    @Test
    void integer_fields_accept_whole_numbers_from_expressions_and_literals() {
        assertThat(template("\"{% $variable := 1 %}\"", "MaxConcurrency").evaluateInteger(bindings("{}"))).isEqualTo(1L);
        assertThat(template("\"{% $states.input.s %}\"", "Seconds").evaluateInteger(bindings("{\"s\": 30}"))).isEqualTo(30L);
        assertThat(template("\"{% 2.0 %}\"", "TimeoutSeconds").evaluateInteger(bindings("{}"))).isEqualTo(2L);
        assertThat(template("5", "HeartbeatSeconds").evaluateInteger(bindings("{}"))).isEqualTo(5L);
    }

    @Test
    void an_integer_field_given_a_string_or_a_fraction_fails() {
        assertThatThrownBy(() -> template("\"{% 'ten' %}\"", "TimeoutSeconds").evaluateInteger(bindings("{}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression ''ten'' specified for the "
                        + "field 'TimeoutSeconds' returned an unexpected result type. Expected 'number', but was 'string' for value: \"ten\""));
        assertThatThrownBy(() -> template("\"{% 1.5 %}\"", "TimeoutSeconds").evaluateInteger(bindings("{}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The TimeoutSeconds field cannot be parsed as an integer: 1.5"));
    }

    @Test
    void an_undefined_typed_field_returned_nothing() {
        assertThatThrownBy(() -> template("\"{% $states.input.missing %}\"", "Seconds").evaluateInteger(bindings("{}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression '$states.input.missing' "
                        + "specified for the field 'Seconds' returned nothing (undefined)."));
    }

    @Test
    void number_fields_accept_fractions() {
        assertThat(template("\"{% $states.input.p %}\"", "ToleratedFailurePercentage").evaluateNumber(bindings("{\"p\": 12.5}")))
                .isEqualTo(12.5);
    }

    @Test
    void conditions_must_be_boolean() {
        JsonataTemplate condition = template("\"{% $states.input.condition %}\"", "Condition");
        assertThat(condition.evaluateBoolean(bindings("{\"condition\": true}"))).isTrue();
        assertThat(condition.evaluateBoolean(bindings("{\"condition\": false}"))).isFalse();
        assertThat(template("true", "Condition").evaluateBoolean(bindings("{}"))).isTrue();
        assertThatThrownBy(() -> condition.evaluateBoolean(bindings("{\"condition\": \"yes\"}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression '$states.input.condition' "
                        + "specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', "
                        + "but was 'string' for value: \"yes\""));
    }

    @Test
    void error_and_cause_must_be_strings() {
        assertThat(template("\"{% $states.input.error %}\"", "Error").evaluateString(bindings("{\"error\": \"Exception\"}")))
                .isEqualTo("Exception");
        assertThatThrownBy(() -> template("\"{% $states.input %}\"", "Cause").evaluateString(bindings("{}")))
                .isInstanceOfSatisfying(StatesFailure.class, cause("The JSONata expression '$states.input' specified "
                        + "for the field 'Cause' returned an unexpected result type. Expected 'string', but was 'object' for value: {}"));
    }

    @Test
    void timestamps_must_be_iso_8601_with_an_offset() {
        JsonataTemplate timestamp = template("\"{% $states.input.TimestampValue %}\"", "Timestamp");
        assertThat(timestamp.evaluateTimestamp(bindings("{\"TimestampValue\": \"2016-03-14T01:59:00Z\"}")))
                .isEqualTo(Instant.parse("2016-03-14T01:59:00Z"));
        assertThat(timestamp.evaluateTimestamp(bindings("{\"TimestampValue\": \"2016-03-14T01:59:00+01:00\"}")))
                .isEqualTo(Instant.parse("2016-03-14T00:59:00Z"));
        for (String bad : new String[] {"2016-12-05 21:29:29Z", "2016-12-05T21:29:29", "2016-13-05T21:29:29Z",
                "2016-12-05T25:29:29Z", "05-12-2016T21:29:29Z"}) {
            assertThatThrownBy(() -> timestamp.evaluateTimestamp(bindings("{\"TimestampValue\": \"" + bad + "\"}")))
                    .as(bad)
                    .isInstanceOfSatisfying(StatesFailure.class, cause(
                            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + bad));
        }
    }
}
