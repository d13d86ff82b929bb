package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.failure;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringFunctionsTest {

    @Test
    void format_fills_placeholders_in_order() {
        assertThat(eval("States.Format('{} and {}', $.a, 2)", "{\"a\": \"one\"}")).isEqualTo(json("\"one and 2\""));
    }

    @Test
    void format_renders_values_as_aws_does() {
        assertThat(eval("States.Format('{}|{}|{}|{}|{}', $.n, $.f, $.b, $.o, $.l)",
                "{\"n\": null, \"f\": 1.1, \"b\": true, \"o\": {\"Arg1\": 1, \"Arg2\": []}, \"l\": [1, \"a\"]}"))
                .isEqualTo(json("\"null|1.1|true|{Arg1=1, Arg2=[]}|[1, a]\""));
    }

    @Test
    void escaped_braces_in_the_template_are_not_placeholders() {
        assertThat(eval("States.Format('\\{\\} is {}', 'x')", "{}")).isEqualTo(json("\"{} is x\""));
        assertThat(eval("States.Format('it\\'s {}', 'x')", "{}")).isEqualTo(json("\"it's x\""));
    }

    @Test
    void a_template_from_a_path_works_too() {
        assertThat(eval("States.Format($.t, 'Pikachu')", "{\"t\": \"It's {}!\"}")).isEqualTo(json("\"It's Pikachu!\""));
    }

    @Test
    void format_fails_when_placeholders_and_values_differ_in_number() {
        var failure = failure("States.Format('{} {}', 1)", "{}");
        assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(failure.cause()).contains("does not match the number of placeholders");
        assertThat(failure("States.Format('none', 1)", "{}").error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void split_uses_every_character_as_a_delimiter_and_drops_empty_pieces() {
        assertThat(eval("States.StringSplit('This.is+a,test=string', '.+,=')", "{}"))
                .isEqualTo(json("[\"This\", \"is\", \"a\", \"test\", \"string\"]"));
        assertThat(eval("States.StringSplit(', , ,', ',')", "{}")).isEqualTo(json("[\" \", \" \"]"));
        assertThat(eval("States.StringSplit(',,,', ',')", "{}")).isEqualTo(json("[]"));
    }

    @Test
    void split_needs_strings() {
        assertThat(failure("States.StringSplit($.n, ',')", "{\"n\": 1}").cause()).contains("index 0 must be a string");
    }
}
