package appliance.readme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint speaking Lambda's Invoke API ({@code POST /2015-03-31/functions/NAME/invocations}),
 * as {@code sam local start-lambda} does: each function answers a fixed payload; the names it was asked
 * for are kept.
 */
final class FakeLambdaEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> payloads;
    private final List<String> invoked = new CopyOnWriteArrayList<>();

    private FakeLambdaEndpoint(Map<String, String> payloads) throws IOException {
        this.payloads = payloads;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.start();
    }

    static FakeLambdaEndpoint answering(Map<String, String> payloads) throws IOException {
        return new FakeLambdaEndpoint(payloads);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> invoked() {
        return invoked;
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String reference = URLDecoder.decode(path.substring("/2015-03-31/functions/".length(), path.lastIndexOf("/invocations")),
                    StandardCharsets.UTF_8);
            String name = reference.contains(":function:") ? reference.split(":")[6] : reference.split(":")[0];
            invoked.add(name);
            String payload = payloads.get(name);
            byte[] body = (payload != null ? payload
                    : "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (payload == null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            } else {
                exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            }
            exchange.sendResponseHeaders(payload == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
