package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataValuesTest {

    private static JsonNode roundTrip(String text) {
        return JsonataValues.toJson(JsonataValues.toJsonata(json(text)));
    }

    @Test
    void json_values_survive_the_round_trip() {
        for (String text : new String[] {"null", "true", "0", "-7", "0.1", "\"s\"", "[]", "{}", "[null, [], {}]",
                "{\"a\": {\"b\": [1, 2.5, null]}}", "9007199254740993", "-9223372036854775808"}) {
            assertThat(roundTrip(text)).as(text).isEqualTo(json(text));
        }
    }

    @Test
    void json_null_becomes_the_library_null_not_undefined() {
        assertThat(JsonataValues.toJsonata(json("null"))).isSameAs(Jsonata.NULL_VALUE);
        assertThat(JsonataValues.toJsonata(null)).isNull();
    }

    @Test
    void whole_doubles_come_back_as_integers_and_fractions_as_doubles() {
        assertThat(JsonataValues.toJson(1.0)).isEqualTo(json("1"));
        assertThat(JsonataValues.toJson(1.0).isInt()).isTrue();
        assertThat(JsonataValues.toJson(6.0E9).isLong()).isTrue();
        assertThat(JsonataValues.toJson(0.5)).isEqualTo(json("0.5"));
        assertThat(JsonataValues.toJson(1.0E22).isDouble()).isTrue();
    }

    @Test
    void integers_beyond_a_long_become_doubles_as_in_javascript() {
        assertThat(JsonataValues.toJsonata(json("123456789012345678901234567890"))).isInstanceOf(Double.class);
    }

    @Test
    void java_null_inside_containers_is_json_null() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("a", null);
        assertThat(JsonataValues.toJson(map)).isEqualTo(json("{\"a\": null}"));
        assertThat(JsonataValues.toJson(java.util.Arrays.asList(1, null))).isEqualTo(json("[1, null]"));
    }

    @Test
    void a_function_has_no_json_form() {
        assertThatThrownBy(() -> JsonataValues.toJson(Map.of("f", PartitionFunction.create())))
                .isInstanceOf(JsonataValues.NotJsonException.class);
        assertThatThrownBy(() -> JsonataValues.toJson(List.of(java.util.regex.Pattern.compile("x"))))
                .isInstanceOf(JsonataValues.NotJsonException.class);
    }
}
