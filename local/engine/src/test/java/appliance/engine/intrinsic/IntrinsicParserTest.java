package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import appliance.engine.error.StatesFailure;
import appliance.engine.path.DataScope;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntrinsicParserTest {

    @Test
    void only_text_starting_with_States_dot_is_intrinsic() {
        assertThat(IntrinsicExpression.isIntrinsic("States.Array()")).isTrue();
        assertThat(IntrinsicExpression.isIntrinsic("$.States.Array")).isFalse();
        assertThat(IntrinsicExpression.isIntrinsic(null)).isFalse();
    }

    @Test
    void literals_of_every_kind_are_arguments() {
        assertThat(eval("States.Array('a', 1, -2, 1.5, -0.25, 1e3, true, false, null)", "{}"))
                .isEqualTo(json("[\"a\", 1, -2, 1.5, -0.25, 1000.0, true, false, null]"));
    }

    @Test
    void whitespace_between_tokens_is_allowed() {
        assertThat(eval("  States.Array(  1 ,'b'  )  ", "{}")).isEqualTo(json("[1, \"b\"]"));
        assertThat(eval("States.Array( )", "{}")).isEqualTo(json("[]"));
    }

    @Test
    void string_escapes_stand_for_the_character() {
        assertThat(eval("States.Array('it\\'s', 'a\\\\b', '\\{\\}')", "{}"))
                .isEqualTo(json("[\"it's\", \"a\\\\b\", \"{}\"]"));
    }

    @Test
    void an_open_escape_backslash_parses_but_fails_at_runtime_as_the_specification_says() {
        IntrinsicExpression call = IntrinsicExpression.parse("States.Array('a\\qb')");
        var failure = catchThrowableOfType(StatesFailure.class, () -> call.evaluate(new DataScope(json("{}"), null, null), new Random()));
        assertThat(failure.error()).isEqualTo("States.Runtime");
        assertThat(failure.cause()).contains("open escape backslash at position 15");
        assertThat(Intrinsics.failure("States.Format('\\n{}', 1)", "{}").cause()).contains("open escape backslash");
    }

    @Test
    void commas_and_parentheses_inside_strings_are_text() {
        assertThat(eval("States.Array('a, b)', '(')", "{}")).isEqualTo(json("[\"a, b)\", \"(\"]"));
    }

    @Test
    void paths_read_data_context_and_variables() {
        assertThat(eval("States.Array($.a.b, $, $$.Execution.Id, $greeting.text)", "{\"a\": {\"b\": 1}}"))
                .isEqualTo(json("[1, {\"a\": {\"b\": 1}}, \"arn:exec\", \"hi\"]"));
    }

    @Test
    void a_path_with_brackets_and_a_filter_is_one_argument() {
        assertThat(eval("States.Array($.items[?(@.n > 1)].n, $['odd, key'])",
                "{\"items\": [{\"n\": 1}, {\"n\": 2}], \"odd, key\": 3}"))
                .isEqualTo(json("[[2], 3]"));
    }

    @Test
    void calls_nest() {
        assertThat(eval("States.ArrayLength(States.Array(States.Array(1), 2))", "{}")).isEqualTo(json("2"));
    }

    @Test
    void an_unknown_function_is_named_in_the_error() {
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Nope(1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'States.Nope' is not an intrinsic function");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(States.Nope())"))
                .hasMessageContaining("'States.Nope' is not an intrinsic function");
    }

    @Test
    void a_wrong_argument_count_is_named_in_the_error() {
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.ArrayRange(1, 2)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The intrinsic function States.ArrayRange takes exactly 3 arguments but 2 were given");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.MathRandom(1)"))
                .hasMessageContaining("takes 2 to 3 arguments but 1 was given");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Format()"))
                .hasMessageContaining("takes at least 1 argument but 0 were given");
    }

    @Test
    void syntax_errors_say_what_and_where() {
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(1, 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a closing parenthesis is missing");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array('open)"))
                .hasMessageContaining("no closing quote");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(1) extra"))
                .hasMessageContaining("unexpected text after the closing parenthesis");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(1 2)"))
                .hasMessageContaining("expected ',' or ')'");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(,)"))
                .hasMessageContaining("expected an argument");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(bogus)"))
                .hasMessageContaining("'bogus' is not a valid argument");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(-)"))
                .hasMessageContaining("expected a digit");
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array"))
                .hasMessageContaining("expected '('");
    }

    @Test
    void an_invalid_path_argument_is_a_definition_error() {
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array($.a[)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid path argument");
    }

    @Test
    void nine_nested_functions_as_in_the_developer_guide_example_work() {
        String version = "States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2)";
        String call = "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(" + version + ", '.'), 0),"
                + " States.ArrayGetItem(States.StringSplit(" + version + ", '.'), 1))";
        assertThat(eval(call, "{\"ImageRecipe\": {\"Arn\": \"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/r/1.2.3\"}}"))
                .isEqualTo(json("\"1.2\""));
    }

    @Test
    void more_than_ten_functions_in_one_call_are_refused() {
        String ten = "States.Array(".repeat(10) + ")".repeat(10);
        assertThat(IntrinsicExpression.parse(ten).text()).isEqualTo(ten);
        assertThatThrownBy(() -> IntrinsicExpression.parse("States.Array(".repeat(11) + ")".repeat(11)))
                .hasMessageContaining("more than 10 intrinsic functions");
    }

    @Test
    void a_missing_path_is_a_runtime_error_naming_the_path() {
        var failure = Intrinsics.failure("States.Array($.missing)", "{\"a\": 1}");
        assertThat(failure.error()).isEqualTo("States.Runtime");
        assertThat(failure.cause()).isEqualTo(
                "The JsonPath argument '$.missing' of the intrinsic function could not be found in the input '{\"a\":1}'");
    }

    @Test
    void one_parsed_call_evaluates_against_many_inputs() {
        IntrinsicExpression call = IntrinsicExpression.parse("States.ArrayLength($.list)");
        for (String list : new String[] {"[]", "[1]", "[1, 2, 3]"}) {
            DataScope scope = new DataScope(json("{\"list\": " + list + "}"), null, null);
            assertThat(call.evaluate(scope, new Random()).asInt()).isEqualTo(json(list).size());
        }
    }
}
