package appliance.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds requests until the server is ready: its owner has wired the machines' tasks and the
 * executions left running have resumed. A request that comes earlier waits (at most a minute) rather
 * than reach a task that is not there yet; after a minute it gets HTTP 503.
 */
final class ReadyGate extends Filter {

    private static final long WAIT_SECONDS = 60;
    private final CountDownLatch ready = new CountDownLatch(1);

    void open() {
        ready.countDown();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        boolean open;
        try {
            open = ready.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
        if (open) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            byte[] body = "The local Step Functions server is still starting".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public String description() {
        return "Holds requests until the server is ready";
    }
}
