package appliance.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web debugger's files (HTML, CSS, JavaScript from {@code appliance/server/web/} on the class path)
 * for GET requests; every other request goes to the API, which AWS serves at the same {@code /}.
 */
final class WebPages implements HttpHandler {

    private static final String FOLDER = "/appliance/server/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    private final HttpHandler api;

    WebPages(HttpHandler api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            api.handle(exchange);
            return;
        }
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String file = path.equals("/") ? "index.html" : path.substring(1);
            byte[] body = read(file);
            if (body == null) {
                byte[] text = ("No such page: " + path).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, text.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(text);
                }
                return;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            // The files change with the server's version only; a reload should still pick up a new build.
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** A file of the web folder; null for anything else (no folders, no way out of it). */
    private static byte[] read(String file) throws IOException {
        if (!file.matches("[A-Za-z0-9_-]+\\.[a-z]+")) {
            return null;
        }
        try (InputStream in = WebPages.class.getResourceAsStream(FOLDER + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
