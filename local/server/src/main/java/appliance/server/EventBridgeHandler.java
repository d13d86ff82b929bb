package appliance.server;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
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
            byte[] body = Exchanges.body(exchange);
            int status = 200;
            ObjectNode answer;
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            try {
                if (!"AWSEvents.PutEvents".equals(target)) {
                    throw new ApiException("UnknownOperationException", "This local EventBridge answers PutEvents only, not "
                            + (target == null ? "a request without X-Amz-Target" : target));
                }
                answer = bus.putEvents(AwsJsonHandler.parseBody(body));
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
            Exchanges.respond(exchange, status, CONTENT_TYPE, UUID.randomUUID().toString(), Json.compact(answer));
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("__type", code);
        json.put("message", message);
        return json;
    }
}
