package appliance.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a request whose Host header names a host this server was not asked to answer for: a web page
 * that rebinds its own DNS name to 127.0.0.1 could otherwise drive the API and the debugger from a
 * browser. Accepted: 127.0.0.1, localhost, [::1], the address the server is bound to, and the hosts the
 * owner allows (any port); {@code *} among them accepts every host.
 */
final class HostCheck extends Filter {

    private final Set<String> allowed = new HashSet<>();
    private final boolean anyHost;

    HostCheck(String boundHost, List<String> extra) {
        allowed.addAll(List.of("127.0.0.1", "localhost", "[::1]", "::1"));
        allowed.add(hostOnly(boundHost));
        extra.forEach(host -> allowed.add(hostOnly(host)));
        anyHost = extra.contains("*");
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (anyHost || (host != null && allowed.contains(hostOnly(host)))) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            byte[] body = ("Forbidden: the Host header " + (host == null ? "is missing" : "'" + host + "' is not one this"
                    + " server answers for") + " (127.0.0.1, localhost, [::1] or the --host address; serve --allow-host"
                    + " NAME accepts another)").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The host without its port, lower case: {@code LocalHost:8083} is {@code localhost}, {@code [::1]:80} is {@code [::1]}. */
    static String hostOnly(String host) {
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(0, close + 1);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value.contains(":") ? "[" + value + "]" : value;
    }

    @Override
    public String description() {
        return "Refuses requests for hosts this server does not answer for";
    }
}
