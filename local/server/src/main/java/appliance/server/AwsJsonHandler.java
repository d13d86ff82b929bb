package appliance.server;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * AWS JSON 1.0 over HTTP: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Action>} and a JSON
 * body; the answer is the action's JSON, or HTTP 400 with {@code __type} (and the
 * {@code X-Amzn-ErrorType} header) naming the error code, which the AWS SDKs map to their modelled
 * exceptions.
 *
 * <p>Actions that wait for an execution (StartSyncExecution) run on a pool of their own, so however
 * many callers wait, the request threads keep answering every other action; the exchange is answered
 * from that pool when the action ends.
 */
final class AwsJsonHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.swf.service.v2.model#";
    /** Far above any valid request (a definition is at most 1 MiB, an input 256 KiB): a guard, not a limit AWS names. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final Map<String, Function<Request, ObjectNode>> actions;
    private final Set<String> waitingActions;
    private final Executor waitingPool;

    AwsJsonHandler(Map<String, Function<Request, ObjectNode>> actions) {
        this(actions, Set.of(), Runnable::run);
    }

    /** @param waitingActions actions that wait for an execution, run on {@code waitingPool} */
    AwsJsonHandler(Map<String, Function<Request, ObjectNode>> actions, Set<String> waitingActions, Executor waitingPool) {
        this.actions = Map.copyOf(actions);
        this.waitingActions = Set.copyOf(waitingActions);
        this.waitingPool = waitingPool;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String action = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
        if (action != null && waitingActions.contains(action)) {
            try {
                waitingPool.execute(() -> answer(exchange, body));
                return;
            } catch (RejectedExecutionException e) {
                try (exchange) {
                    respond(exchange, 400, error("ThrottlingException", "Too many StartSyncExecution calls wait at once"),
                            "ThrottlingException");
                }
                return;
            }
        }
        answer(exchange, body);
    }

    private void answer(HttpExchange exchange, byte[] body) {
        try (exchange) {
            int status = 200;
            ObjectNode answer;
            try {
                if (body.length > MAX_BODY_BYTES) {
                    throw ApiException.validation("The request body is larger than " + MAX_BODY_BYTES + " bytes");
                }
                answer = dispatch(exchange, body);
            } catch (StackOverflowError e) {
                status = 400;
                answer = error("ValidationException", "The request is nested too deeply to be processed");
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", "ValidationException");
            } catch (ApiException e) {
                status = "InternalFailure".equals(e.code()) ? 500 : 400;
                answer = error(e.code(), e.getMessage());
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", e.code());
            } catch (RuntimeException e) {
                status = 500;
                answer = error("InternalFailure", e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", "InternalFailure");
            }
            respond(exchange, status, answer, null);
        } catch (IOException e) {
            // The caller went away before the answer: nothing to tell it.
        }
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode answer, String errorType) throws IOException {
        byte[] bytes = Json.compact(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange, byte[] body) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ApiException("UnknownOperationException", "Only POST requests are supported");
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Function<Request, ObjectNode> action = target != null && target.startsWith(TARGET_PREFIX)
                ? actions.get(target.substring(TARGET_PREFIX.length()))
                : null;
        if (action == null) {
            throw new ApiException("UnknownOperationException", null);
        }
        return action.apply(new Request(parseBody(body)));
    }

    /** The body of an AWS JSON request: an object (empty for no body); anything else is a SerializationException. */
    static ObjectNode parseBody(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode json = StrictJson.read(body);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (StrictJson.Problem e) {
            throw new ApiException("SerializationException", "The request body is not JSON: " + e.getMessage());
        }
        throw new ApiException("SerializationException", "The request body must be a JSON object");
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("__type", ERROR_TYPE_PREFIX + code);
        if (message != null) {
            json.put("message", message);
        }
        return json;
    }
}
