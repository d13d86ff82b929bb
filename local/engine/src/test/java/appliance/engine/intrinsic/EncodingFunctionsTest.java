package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.Intrinsics.eval;
import static appliance.engine.intrinsic.Intrinsics.failure;
import static appliance.engine.intrinsic.Intrinsics.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {

    @Test
    void base64_round_trips_utf8_text() {
        assertThat(eval("States.Base64Encode('Data to encode')", "{}")).isEqualTo(json("\"RGF0YSB0byBlbmNvZGU=\""));
        assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "{}")).isEqualTo(json("\"Data to encode\""));
        assertThat(eval("States.Base64Decode(States.Base64Encode('héllo ✓'))", "{}")).isEqualTo(json("\"héllo ✓\""));
    }

    @Test
    void base64_input_is_limited_to_10000_characters() {
        String data = "{\"s\": \"" + "a".repeat(10_001) + "\"}";
        assertThat(failure("States.Base64Encode($.s)", data).cause()).contains("more than the maximum of 10000");
        assertThat(failure("States.Base64Decode($.s)", data).cause()).contains("more than the maximum of 10000");
        assertThat(eval("States.Base64Encode($.s)", "{\"s\": \"" + "a".repeat(10_000) + "\"}").asText()).isNotEmpty();
    }

    @Test
    void decoding_text_that_is_not_base64_fails() {
        var failure = failure("States.Base64Decode('not base64!')", "{}");
        assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(failure.cause()).contains("not valid Base64");
    }

    @Test
    void hash_gives_lowercase_hex_for_each_algorithm() {
        assertThat(eval("States.Hash('input data', 'MD5')", "{}")).isEqualTo(json("\"812f45842bc6d66ee14572ce20db8e86\""));
        assertThat(eval("States.Hash('input data', 'SHA-1')", "{}"))
                .isEqualTo(json("\"aaff4a450a104cd177d28d18d74485e8cae074b7\""));
        assertThat(eval("States.Hash('input data', 'SHA-256')", "{}"))
                .isEqualTo(json("\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\""));
        assertThat(eval("States.Hash('input data', 'SHA-384')", "{}").asText()).hasSize(96);
        assertThat(eval("States.Hash('input data', 'SHA-512')", "{}").asText()).hasSize(128);
    }

    @Test
    void hash_refuses_other_algorithms_and_lists_the_supported_ones() {
        assertThat(failure("States.Hash('x', 'SHA-3')", "{}").cause())
                .contains("'SHA-3' is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        assertThat(failure("States.Hash('x', 'sha-256')", "{}").error()).isEqualTo("States.IntrinsicFailure");
    }
}
