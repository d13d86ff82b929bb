package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.failure;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.path.DataScope;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {

    @Test
    void string_to_json_parses_any_json_value() {
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"{\\\"a\\\": [1, 2.5]}\"}")).isEqualTo(json("{\"a\": [1, 2.5]}"));
        assertThat(eval("States.StringToJson('\"text\"')", "{}")).isEqualTo(json("\"text\""));
        assertThat(eval("States.StringToJson('-0')", "{}").asInt()).isZero();
    }

    @Test
    void string_to_json_reads_blank_text_as_null() {
        assertThat(eval("States.StringToJson('')", "{}").isNull()).isTrue();
        assertThat(eval("States.StringToJson('  ')", "{}").isNull()).isTrue();
    }

    @Test
    void string_to_json_fails_on_invalid_json_or_trailing_text() {
        assertThat(failure("States.StringToJson('{oops')", "{}").error()).isEqualTo("States.IntrinsicFailure");
        assertThat(failure("States.StringToJson('1 2')", "{}").cause()).contains("not valid JSON");
    }

    @Test
    void json_to_string_writes_compact_json() {
        assertThat(eval("States.JsonToString($)", "{\"Arg1\": 1, \"Arg2\": [], \"s\": \"x\"}"))
                .isEqualTo(json("\"{\\\"Arg1\\\":1,\\\"Arg2\\\":[],\\\"s\\\":\\\"x\\\"}\""));
        assertThat(eval("States.JsonToString($.n)", "{\"n\": null}")).isEqualTo(json("\"null\""));
    }

    @Test
    void json_merge_is_shallow_and_the_right_side_wins() {
        assertThat(eval("States.JsonMerge($.a, $.b, false)",
                "{\"a\": {\"x\": {\"x1\": 1}, \"y\": 1}, \"b\": {\"x\": {\"x2\": 2}, \"z\": 3}}"))
                .isEqualTo(json("{\"x\": {\"x2\": 2}, \"y\": 1, \"z\": 3}"));
    }

    @Test
    void json_merge_takes_a_parsed_literal_and_the_context_object() {
        // The corpus's JSON_MERGE_ESCAPED_ARGUMENT case, whose state also has ResultPath and OutputPath.
        var context = json("{\"Execution\": {\"Input\": {\"input_field\": {\"constant_input_field\": \"constant_value\"}}}}");
        var scope = new DataScope(json("{}"), context, null);
        var merged = IntrinsicExpression.parse("States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'),"
                + " $$.Execution.Input.input_field, false)").evaluate(scope, new Random());
        assertThat(merged).isEqualTo(json("{\"constant_in_literal\": \"false\", \"constant_input_field\": \"constant_value\"}"));
    }

    @Test
    void json_merge_leaves_its_inputs_unchanged() {
        String data = "{\"a\": {\"y\": 1}, \"b\": {\"z\": 3}}";
        var scope = new DataScope(json(data), null, null);
        IntrinsicExpression.parse("States.JsonMerge($.a, $.b, false)").evaluate(scope, new Random());
        assertThat(scope.data()).isEqualTo(json(data));
    }

    @Test
    void json_merge_refuses_deep_mode_and_non_objects() {
        assertThat(failure("States.JsonMerge($.a, $.a, true)", "{\"a\": {}}").cause()).contains("deep merging is not supported");
        assertThat(failure("States.JsonMerge($.a, $.b, false)", "{\"a\": {}, \"b\": []}").error()).isEqualTo("States.IntrinsicFailure");
    }
}
