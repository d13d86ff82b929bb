package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The aws-chunked framing SDKs and the CLI put around an upload's bytes, taken off. */
class AwsChunkedInputTest {

    private static String decoded(String framed) throws IOException {
        return new String(new AwsChunkedInput(new ByteArrayInputStream(framed.getBytes(StandardCharsets.UTF_8))).readAllBytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void signed_chunks_and_a_trailing_checksum_leave_only_the_data() throws IOException {
        String framed = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n";

        assertThat(decoded(framed)).isEqualTo("hello world");
    }

    @Test
    void unsigned_chunks_with_no_trailer_leave_only_the_data() throws IOException {
        assertThat(decoded("a\r\n0123456789\r\n0\r\n\r\n")).isEqualTo("0123456789");
    }

    @Test
    void a_body_cut_inside_a_chunk_or_with_a_bad_size_is_an_error_saying_so() {
        assertThatThrownBy(() -> decoded("a\r\n01234")).hasMessageContaining("ended inside a chunk");
        assertThatThrownBy(() -> decoded("zz\r\nabc")).hasMessageContaining("not hexadecimal: 'zz'");
    }
}
