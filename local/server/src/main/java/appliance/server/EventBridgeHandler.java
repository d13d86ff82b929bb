package appliance.server;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * EventBridge's PutEvents on the server's port, in its protocol (AWS JSON 1.1,
 * {@code X-Amz-Target: AWSEvents.PutEvents}), over {@link EventBus}; so {@code aws events put-events
 * --endpoint-url} and the SDKs' EventBridge clients start the template's workflows. Errors carry
 * {@code __type} as EventBridge's do.
 */
final class EventBridgeHandler implements HttpHandler {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final EventBus bus;

    EventBridgeHandler(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(AwsJsonHandler.MAX_BODY_BYTES);
            }
            int status = 200;
            ObjectNode answer;
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            try {
                if (!"AWSEvents.PutEvents".equals(target)) {
                    throw new ApiException("UnknownOperationException", "This local EventBridge answers PutEvents only, not "
                            + (target == null ? "a request without X-Amz-Target" : target));
                }
                answer = bus.putEvents(parse(body));
            } catch (ApiException refused) {
                status = 400;
                answer = error(refused.code(), refused.getMessage());
            } catch (IllegalArgumentException invalid) {
                status = 400;
                answer = error("ValidationException", invalid.getMessage());
            } catch (RuntimeException failed) {
                status = 500;
                answer = error("InternalException", failed.getClass().getSimpleName()
                        + (failed.getMessage() == null ? "" : ": " + failed.getMessage()));
            }
            byte[] bytes = Json.compact(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ObjectNode parse(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? JsonNodeFactory.instance.objectNode() : Json.MAPPER.readTree(body);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new ApiException("SerializationException", "The request body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException("SerializationException", "The request body could not be read");
        }
        throw new ApiException("SerializationException", "The request body must be a JSON object");
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("__type", code);
        json.put("message", message);
        return json;
    }
}
