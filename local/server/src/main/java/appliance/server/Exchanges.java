package appliance.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading a request's body and writing an answer, for the SNS and EventBridge handlers. */
final class Exchanges {

    private Exchanges() {
    }

    /** The request's body, cut at {@link AwsJsonHandler#MAX_BODY_BYTES} (far above any valid request). */
    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(AwsJsonHandler.MAX_BODY_BYTES);
        }
    }

    /** Answers with {@code status}, the content type, AWS's request id header, and {@code text} in UTF-8. */
    static void respond(HttpExchange exchange, int status, String contentType, String requestId, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
