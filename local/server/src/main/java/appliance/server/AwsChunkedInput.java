package appliance.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of an {@code aws-chunked} upload body (what AWS SDKs and the CLI send with a streaming or trailing
 * checksum: {@code HEX-SIZE[;chunk-signature=...]\r\nDATA\r\n ... 0\r\nTRAILERS\r\n\r\n}), without the framing.
 * Signatures and trailing checksums are not checked: the local server does not check signatures either.
 */
final class AwsChunkedInput extends InputStream {

    private final InputStream in;
    private long left;
    private boolean ended;

    AwsChunkedInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, left));
        if (read < 0) {
            throw new IOException("The aws-chunked upload body ended inside a chunk.");
        }
        left -= read;
        if (left == 0) {
            line();
        }
        return read;
    }

    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String header = line();
        String size = header.split(";", 2)[0].trim();
        try {
            left = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new IOException("The aws-chunked upload body has a chunk size that is not hexadecimal: '" + size + "'.");
        }
        if (left == 0) {
            ended = true;
            while (!line().isEmpty()) {
                // Trailers (x-amz-checksum-crc32:...) up to the blank line that ends the body.
            }
            return false;
        }
        return true;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
