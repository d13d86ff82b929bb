package appliance.runtime.lambda.runtimeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * An error a runtime posts to {@code /invocation/{id}/error} or {@code /init/error}: Lambda's error document
 * ({@code errorMessage}, {@code errorType}, {@code stackTrace}; Node.js runtimes name the frames {@code trace}), the
 * type also in the {@code Lambda-Runtime-Function-Error-Type} header. A body that is not such a document still
 * fails the call, with the header's type (or {@code Runtime.Unknown}) and the body as the message.
 */
public record RuntimeError(String errorType, String errorMessage, List<String> stackTrace) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RuntimeError {
        stackTrace = stackTrace == null ? null : List.copyOf(stackTrace);
    }

    static RuntimeError parse(String typeHeader, byte[] body) {
        String fallbackType = typeHeader == null || typeHeader.isBlank() ? "Runtime.Unknown" : typeHeader;
        JsonNode document;
        try {
            document = body.length == 0 ? null : JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            return new RuntimeError(fallbackType, new String(body, java.nio.charset.StandardCharsets.UTF_8), null);
        }
        String type = document.path("errorType").isTextual() ? document.get("errorType").textValue() : fallbackType;
        String message = document.path("errorMessage").isTextual() ? document.get("errorMessage").textValue() : "";
        JsonNode frames = document.has("stackTrace") ? document.get("stackTrace") : document.get("trace");
        List<String> stack = null;
        if (frames != null && frames.isArray()) {
            stack = new ArrayList<>();
            for (JsonNode frame : frames) {
                stack.add(frame.isTextual() ? frame.textValue() : frame.toString());
            }
        }
        return new RuntimeError(type, message, stack);
    }
}
