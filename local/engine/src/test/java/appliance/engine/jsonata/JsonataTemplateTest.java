package appliance.engine.jsonata;

import static appliance.engine.jsonata.Json.bindings;
import static appliance.engine.jsonata.Json.evaluate;
import static appliance.engine.jsonata.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

    private static StatesFailure failureOf(String template, String input) {
        try {
            evaluate(template, bindings(input));
        } catch (StatesFailure failure) {
            return failure;
        }
        throw new AssertionError("expected a StatesFailure for " + template);
    }

    @Test
    void a_whole_string_in_delimiters_is_evaluated() {
        assertThat(evaluate("\"{% $states.input.a %}\"", bindings("{\"a\": [1, 2]}"))).isEqualTo(json("[1, 2]"));
    }

    @Test
    void a_string_that_only_contains_the_delimiters_is_a_literal() {
        JsonataTemplate template = JsonataTemplate.compile(json("[\" {% states.input %} \", \"x {% 1 %}\", \"{% 1 %} \"]"), "Output");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.evaluate(bindings("{}"))).isEqualTo(json("[\" {% states.input %} \", \"x {% 1 %}\", \"{% 1 %} \"]"));
    }

    @Test
    void jsonpath_and_intrinsic_looking_strings_are_literals() {
        assertThat(evaluate("{\"a\": \"$.x\", \"b.$\": \"$\", \"c\": \"States.Format('{}', 1)\"}", bindings("{\"x\": 1}")))
                .isEqualTo(json("{\"a\": \"$.x\", \"b.$\": \"$\", \"c\": \"States.Format('{}', 1)\"}"));
    }

    @Test
    void expressions_nested_in_objects_and_arrays_are_replaced_in_place() {
        JsonNode result = evaluate("{\"k\": [null, 0, \"{% $states.input %}\", {\"key\": \"{% true %}\"}], \"s\": \"lit\"}",
                bindings("{\"v\": 1}"));
        assertThat(result).isEqualTo(json("{\"k\": [null, 0, {\"v\": 1}, {\"key\": true}], \"s\": \"lit\"}"));
    }

    @Test
    void literal_values_of_every_type_pass_through() {
        for (String literal : new String[] {"null", "0", "0.1", "true", "\"s\"", "[]", "{}", "[[], {}]"}) {
            assertThat(evaluate(literal, bindings("{}"))).as(literal).isEqualTo(json(literal));
        }
    }

    @Test
    void a_literal_result_is_a_copy_the_caller_may_change() {
        JsonataTemplate template = JsonataTemplate.compile(json("{\"a\": 1}"), "Output");
        ((ObjectNode) template.evaluate(bindings("{}"))).put("a", 2);
        assertThat(template.evaluate(bindings("{}"))).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void whole_numbers_come_back_as_integers() {
        assertThat(evaluate("\"{% $sum($states.input.v) + 1 %}\"", bindings("{\"v\": [1, 2, 3]}")).isInt()).isTrue();
        assertThat(evaluate("\"{% 1.5 * 2 %}\"", bindings("{}"))).isEqualTo(json("3"));
        assertThat(evaluate("\"{% 0.1 + 0.2 %}\"", bindings("{}")).doubleValue()).isEqualTo(0.1 + 0.2);
        assertThat(evaluate("\"{% 3000000000 * 2 %}\"", bindings("{}"))).isEqualTo(json("6000000000"));
    }

    @Test
    void json_null_is_a_value() {
        assertThat(evaluate("\"{% null %}\"", bindings("{}")).isNull()).isTrue();
        assertThat(evaluate("{\"n\": \"{% $states.input.n %}\"}", bindings("{\"n\": null}"))).isEqualTo(json("{\"n\": null}"));
    }

    @Test
    void an_expression_that_returns_nothing_fails_naming_the_expression_and_field() {
        StatesFailure failure = failureOf("\"{% $doesNotExist %}\"", "{}");
        assertThat(failure.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
        assertThat(failure.cause()).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).");
    }

    @Test
    void a_nested_expression_is_named_by_its_path_inside_the_field() {
        assertThat(failureOf("{\"result\": \"{% $doesNotExist %}\"}", "{}").cause()).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).");
        assertThat(failureOf("{\"list\": [1, \"{%   $states.input.missing   %}\"]}", "{}").cause()).isEqualTo(
                "The JSONata expression '$states.input.missing' specified for the field 'Output/list[1]' returned nothing (undefined).");
    }

    @Test
    void calling_an_unknown_function_fails_with_jsonatas_code_and_message() {
        assertThat(failureOf("{\"FunctionResult\": \"{% $randomSeeded($states.input.x) %}\"}", "{\"x\": 1}").cause())
                .isEqualTo("The JSONata expression '$randomSeeded($states.input.x)' specified for the field "
                        + "'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function");
    }

    @Test
    void signature_errors_read_as_reference_jsonata_writes_them() {
        assertThat(failureOf("\"{% $uppercase(1) %}\"", "{}").cause()).endsWith(
                "threw an error during evaluation. T0410: Argument 1 of function \"uppercase\" does not match function signature");
    }

    @Test
    void type_errors_of_operators_carry_their_code() {
        assertThat(failureOf("\"{% 'a' + 1 %}\"", "{}").cause()).endsWith(
                "threw an error during evaluation. T2001: The left side of the \"+\" operator must evaluate to a number");
    }

    @Test
    void a_function_is_not_a_json_result() {
        assertThat(failureOf("\"{% $fn := function($x){$x} %}\"", "{}").cause()).isEqualTo(
                "The JSONata expression '$fn := function($x){$x}' specified for the field 'Output' returned an unsupported result type.");
    }

    @Test
    void blocks_and_local_variables_work() {
        assertThat(evaluate("\"{% ($x := 5; $x * 2) %}\"", bindings("{}"))).isEqualTo(json("10"));
        assertThat(evaluate("\"{% $variable := 1 %}\"", bindings("{}"))).isEqualTo(json("1"));
    }

    @Test
    void regular_expressions_and_single_quotes_work() {
        assertThat(evaluate("\"{% $contains('hello$world', /^hello\\\\$/) %}\"", bindings("{}"))).isEqualTo(json("true"));
        assertThat(evaluate("\"{% $contains(\\\"hello$world\\\", /^hello\\\\ /) %}\"", bindings("{}"))).isEqualTo(json("false"));
    }

    @Test
    void a_singleton_sequence_is_unwrapped_but_an_array_constructor_keeps_it() {
        assertThat(evaluate("\"{% $states.input.items[$ > 2] %}\"", bindings("{\"items\": [1, 2, 3]}"))).isEqualTo(json("3"));
        assertThat(evaluate("\"{% $states.input.items[$ > 2][] %}\"", bindings("{\"items\": [1, 2, 3]}"))).isEqualTo(json("[3]"));
        assertThat(evaluate("\"{% $states.input.items %}\"", bindings("{\"items\": [0]}"))).isEqualTo(json("[0]"));
        assertThat(evaluate("\"{% $states.input.items %}\"", bindings("{\"items\": []}"))).isEqualTo(json("[]"));
    }

    @Test
    void a_syntax_error_is_reported_at_compile_time_as_aws_words_it_with_the_field_path() {
        assertThatThrownBy(() -> JsonataTemplate.compile(json("{\"a\": [\"{% 1 + %}\"]}"), "Arguments"))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOfSatisfying(JsonataSyntaxException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("Arguments/a[0]");
                    assertThat(e.expression()).isEqualTo("1 +");
                    assertThat(e.problemCode()).isEqualTo("INVALID_JSONATA_EXPRESSION");
                    assertThat(e.problemMessage()).isEqualTo("Unexpected end of expression");
                })
                .hasMessageStartingWith("INVALID_JSONATA_EXPRESSION: Unexpected end of expression at Arguments/a[0]");
    }

    @Test
    void syntax_errors_carry_the_parsers_message_without_its_code() {
        String[][] cases = {
                {"a[1,2)", "Expected \"]\", got \",\""},
                {"\"unterminated", "String literal must be terminated by a matching quote"},
                {"{\"a\":}", "The symbol \"}\" cannot be used as a unary operator"},
                {"$x :=", "Unexpected end of expression"},
                {"$match(\"a\", /abc", "No terminating / in regular expression"},
        };
        for (String[] c : cases) {
            JsonNode field = com.fasterxml.jackson.databind.node.TextNode.valueOf("{% " + c[0] + " %}");
            assertThatThrownBy(() -> JsonataTemplate.compile(field, "Output"))
                    .as(c[0])
                    .isInstanceOfSatisfying(JsonataSyntaxException.class,
                            e -> assertThat(e.problemMessage()).isEqualTo(c[1]));
        }
    }

    @Test
    void an_empty_expression_is_a_syntax_error() {
        assertThatThrownBy(() -> JsonataTemplate.compile(json("\"{%  %}\""), "Output"))
                .isInstanceOfSatisfying(JsonataSyntaxException.class,
                        e -> assertThat(e.problemMessage()).isEqualTo("Unexpected end of expression"));
    }

    @Test
    void the_template_says_whether_it_is_constant_or_one_expression() {
        assertThat(JsonataTemplate.compile(json("\"{% 1 %}\""), "Items").isSingleExpression()).isTrue();
        assertThat(JsonataTemplate.compile(json("[1, \"{% 1 %}\"]"), "Items").isSingleExpression()).isFalse();
        assertThat(JsonataTemplate.compile(json("[1, \"{% 1 %}\"]"), "Items").isConstant()).isFalse();
        assertThat(JsonataTemplate.compile(null, "Output").evaluate(bindings("{}")).isNull()).isTrue();
    }

    @Test
    void eval_is_not_available_as_aws_says() {
        assertThat(failureOf("\"{% $eval('1 + 1') %}\"", "{}").cause())
                .endsWith("threw an error during evaluation. T1006: Attempted to invoke a non-function");
    }

    @Test
    void runaway_recursion_is_an_evaluation_error_not_a_crash() {
        assertThat(failureOf("\"{% ($f := function($n) { $n + $f($n + 1) }; $f(0)) %}\"", "{}").cause()).endsWith(
                "threw an error during evaluation. U1001: Stack overflow error: Check for non-terminating recursive "
                        + "function.  Consider rewriting as tail-recursive.");
    }
}
