package appliance.runtime.lambda.runtimeapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Lambda Runtime API (version 2018-06-01) for one execution environment, on an ephemeral port of 127.0.0.1: the
 * process's {@code AWS_LAMBDA_RUNTIME_API}. {@code GET /runtime/invocation/next} waits for the next call and hands
 * it over with Lambda's headers; {@code POST /runtime/invocation/{id}/response} and {@code /error} end it;
 * {@code POST /runtime/init/error} reports a failed init. A response larger than Lambda's synchronous payload limit
 * (6,291,556 bytes) is refused with 413, and the call fails as Lambda fails it.
 */
public final class RuntimeApiServer implements AutoCloseable {
    public static final String VERSION = "2018-06-01";
    /** Lambda's limit for a synchronous response, in bytes (what AWS's error message says "6 MB" is). */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    private static final String PREFIX = "/" + VERSION + "/runtime/";

    static {
        useNoDelay();
    }

    /**
     * The JDK's HTTP server writes a response's headers and body apart; with Nagle's algorithm on, the body then
     * waits for the client's delayed ACK (40 ms on Linux) on every call. The setting is read once, when the first
     * server of the JVM starts, so whoever may start one first calls this.
     */
    public static void useNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The environment behind the API: what the runtime's requests do. */
    public interface Environment {
        /** Blocks until there is a call to run; null when the environment is ending. */
        NextInvocation awaitNext() throws InterruptedException;

        /** True when this request id is the call in flight (so its response or error is accepted). */
        boolean isCurrent(String requestId);

        void responded(String requestId, byte[] body);

        void failed(String requestId, RuntimeError error);

        /** True when the error was accepted (the init was still running). */
        boolean initFailed(RuntimeError error);
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Environment environment;

    private RuntimeApiServer(HttpServer server, ExecutorService threads, Environment environment) {
        this.server = server;
        this.threads = threads;
        this.environment = environment;
    }

    public static RuntimeApiServer start(Environment environment, String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService threads = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "runtime-api-" + name);
                thread.setDaemon(true);
                return thread;
            });
            RuntimeApiServer api = new RuntimeApiServer(server, threads, environment);
            server.createContext("/", api::handle);
            server.setExecutor(threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the Lambda Runtime API on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(PREFIX)) {
                send(exchange, 404, error("Unknown path " + path, "InvalidRequest"));
                return;
            }
            String route = path.substring(PREFIX.length());
            if (route.equals("invocation/next") && method.equals("GET")) {
                next(exchange);
            } else if (route.equals("init/error") && method.equals("POST")) {
                RuntimeError error = RuntimeError.parse(errorTypeHeader(exchange), readBody(exchange));
                if (environment.initFailed(error)) {
                    send(exchange, 202, "{\"status\":\"OK\"}");
                } else {
                    send(exchange, 403, error("The init is over; an init error can no longer be reported",
                            "InvalidStateTransition"));
                }
            } else if (route.startsWith("invocation/") && method.equals("POST")) {
                ended(exchange, route.substring("invocation/".length()));
            } else {
                send(exchange, 404, error("Unknown path " + method + " " + path, "InvalidRequest"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        NextInvocation call;
        try {
            call = environment.awaitNext();
        } catch (InterruptedException ending) {
            Thread.currentThread().interrupt();
            call = null;
        }
        if (call == null) {
            send(exchange, 410, error("The execution environment is shutting down", "EnvironmentEnding"));
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", call.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(call.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", call.invokedFunctionArn());
        headers.set("Lambda-Runtime-Trace-Id", call.traceId());
        // Lambda sends these only for calls from the mobile SDKs; AWS's native clients expect them present.
        headers.set("Lambda-Runtime-Client-Context", "");
        headers.set("Lambda-Runtime-Cognito-Identity", "");
        exchange.sendResponseHeaders(200, call.payload().length == 0 ? -1 : call.payload().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(call.payload());
        }
    }

    private void ended(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String verb = slash < 0 ? "" : rest.substring(slash + 1);
        if (!verb.equals("response") && !verb.equals("error")) {
            send(exchange, 404, error("Unknown path " + exchange.getRequestURI().getPath(), "InvalidRequest"));
            return;
        }
        if (!environment.isCurrent(requestId)) {
            readBody(exchange);
            send(exchange, 400, error("Invalid request ID: " + requestId, "InvalidRequestID"));
            return;
        }
        byte[] body = readBody(exchange);
        if (verb.equals("error")) {
            environment.failed(requestId, RuntimeError.parse(errorTypeHeader(exchange), body));
            send(exchange, 202, "{\"status\":\"OK\"}");
        } else if (body.length > MAX_RESPONSE_BYTES) {
            environment.failed(requestId, new RuntimeError("Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
                    null));
            send(exchange, 413, error("Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
                    "RequestEntityTooLarge"));
        } else {
            environment.responded(requestId, body);
            send(exchange, 202, "{\"status\":\"OK\"}");
        }
    }

    private static String errorTypeHeader(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static String error(String message, String type) {
        return "{\"errorMessage\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errorType\":\""
                + type + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
