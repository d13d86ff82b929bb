package appliance.runtime.app;

import appliance.engine.run.Execution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The one Step Functions action that the application's own functions call while a workflow runs on
 * this machine: StartExecution, over AWS JSON 1.0 on 127.0.0.1, so a function's SfnClient (pointed here
 * by {@code AWS_ENDPOINT_URL_SFN}) starts executions of the local state machines. The whole Step
 * Functions API is {@code bin/appliance serve}; this is what {@code bin/appliance run} needs.
 */
public final class StartExecutionEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "AWSStepFunctions.StartExecution";

    private final HttpServer server;
    private final LocalApplication application;

    private StartExecutionEndpoint(HttpServer server, LocalApplication application) {
        this.server = server;
        this.application = application;
    }

    /** Listens on an ephemeral port of 127.0.0.1. */
    static StartExecutionEndpoint start(LocalApplication application) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StartExecutionEndpoint endpoint = new StartExecutionEndpoint(server, application);
            server.createContext("/", endpoint::handle);
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "local-start-execution");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on 127.0.0.1 for the local Step Functions endpoint: "
                    + e.getMessage(), e);
        }
    }

    /** The URL a function's SDK is given, e.g. http://127.0.0.1:41234. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!TARGET.equals(target)) {
                reply(exchange, 400, error("UnknownOperationException",
                        "This local endpoint serves StartExecution only; run bin/appliance serve for the whole API"));
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = JSON.readTree(body);
            }
            reply(exchange, 200, startExecution(request));
        } catch (ApiError e) {
            reply(exchange, 400, error(e.code, e.getMessage()));
        }
    }

    private ObjectNode startExecution(JsonNode request) {
        String stateMachineArn = request.path("stateMachineArn").asText(null);
        String name = request.path("name").asText(java.util.UUID.randomUUID().toString());
        JsonNode input;
        try {
            input = JSON.readTree(request.path("input").asText("{}"));
        } catch (IOException e) {
            throw new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
        Execution execution;
        try {
            execution = application.startExecution(stateMachineArn, name, input, null);
        } catch (ExecutionAlreadyExistsException e) {
            throw new ApiError("ExecutionAlreadyExists", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiError("StateMachineDoesNotExist", e.getMessage());
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("executionArn", execution.identity().executionArn());
        response.put("startDate", application.now().toEpochMilli() / 1000.0);
        return response;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("__type", "com.amazonaws.swf.service.v2.model#" + code).put("message", message);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request Step Functions refuses, with its error code. */
    private static final class ApiError extends RuntimeException {
        final String code;

        ApiError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
