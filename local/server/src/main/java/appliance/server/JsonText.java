package appliance.server;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Parses JSON the API receives as text (definitions, inputs, mock results), naming what is wrong. */
final class JsonText {

    private JsonText() {
    }

    /** @throws ApiException with the given code and AWS-style prefix when the text is not JSON */
    static JsonNode parse(String text, String code, String messagePrefix) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(code, messagePrefix + "No content to map due to end-of-input'");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(code, messagePrefix + e.getOriginalMessage() + "'");
        }
    }
}
