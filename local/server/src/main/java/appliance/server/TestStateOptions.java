package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * TestState's request beyond the definition and input: the {@code mock} (a result or an error, and how
 * strictly a result is checked), the {@code variables} and {@code context} the state sees, and the
 * {@code stateConfiguration} (how many retries have happened, which inner state a Map's or Parallel's
 * error came from, how many Map iterations failed, what a Distributed Map's ItemReader read).
 */
record TestStateOptions(JsonNode mockResult, String mockError, String mockCause, String validationMode,
        ObjectNode variables, ObjectNode context, int retrierRetryCount, String errorCausedByState,
        Integer mapIterationFailureCount, JsonNode mapItemReaderData) {

    static final List<String> VALIDATION_MODES = List.of("STRICT", "PRESENT", "NONE");

    boolean mocked() {
        return mockResult != null || mockError != null;
    }

    /** @throws ApiException ValidationException naming the field that is wrong */
    static TestStateOptions read(Request request) {
        JsonNode mock = request.get("mock");
        JsonNode result = null;
        String error = null;
        String cause = null;
        String mode = "STRICT";
        if (mock != null && !mock.isNull()) {
            if (!mock.isObject()) {
                throw ApiException.validation("Field 'mock' must be an object with a result or an errorOutput");
            }
            if (mock.hasNonNull("result") && mock.hasNonNull("errorOutput")) {
                throw ApiException.validation("A mock has either a result or an errorOutput, not both");
            }
            Request fields = new Request((ObjectNode) mock);
            String resultText = fields.optionalString("result", 262_144);
            if (resultText != null) {
                result = JsonText.parse(resultText, "ValidationException", "The mock result is not valid JSON: '");
            } else {
                JsonNode errorOutput = mock.path("errorOutput");
                if (!errorOutput.hasNonNull("error")) {
                    throw ApiException.validation("A mock needs a result or an errorOutput with an error");
                }
                Request errorFields = new Request((ObjectNode) errorOutput);
                error = errorFields.optionalString("error", 256);
                cause = errorFields.optionalString("cause", 32_768);
            }
            String requested = fields.optionalEnum("fieldValidationMode", VALIDATION_MODES);
            mode = requested == null ? mode : requested;
        }
        ObjectNode variables = object(request, "variables");
        ObjectNode context = object(request, "context");
        int retries = 0;
        String causedBy = null;
        Integer iterationFailures = null;
        JsonNode readerData = null;
        JsonNode configuration = request.get("stateConfiguration");
        if (configuration != null && !configuration.isNull()) {
            if (!configuration.isObject()) {
                throw ApiException.validation("Field 'stateConfiguration' must be an object");
            }
            retries = nonNegative(configuration, "retrierRetryCount", 0);
            Request fields = new Request((ObjectNode) configuration);
            causedBy = fields.optionalString("errorCausedByState", 80);
            if (configuration.hasNonNull("mapIterationFailureCount")) {
                iterationFailures = nonNegative(configuration, "mapIterationFailureCount", 0);
            }
            String reader = fields.optionalString("mapItemReaderData", 262_144);
            if (reader != null) {
                readerData = JsonText.parse(reader, "ValidationException", "mapItemReaderData is not valid JSON: '");
            }
        }
        return new TestStateOptions(result, error, cause, mode, variables, context, retries, causedBy,
                iterationFailures, readerData);
    }

    private static ObjectNode object(Request request, String field) {
        String text = request.optionalString(field, 262_144);
        if (text == null) {
            return null;
        }
        JsonNode value = JsonText.parse(text, "ValidationException", "Field '" + field + "' is not valid JSON: '");
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.validation("Field '" + field + "' must be a JSON object");
        }
        return object;
    }

    private static int nonNegative(JsonNode object, String field, int fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < 0) {
            throw ApiException.constraint(value.toString(), "stateConfiguration." + field,
                    "Member must have value greater than or equal to 0");
        }
        return value.asInt();
    }
}
