package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses JSON the API receives as text (definitions, inputs, mock results), strictly, naming what is wrong. */
final class JsonText {

    private JsonText() {
    }

    /** @throws ApiException with the given code and AWS-style prefix when the text is not JSON */
    static JsonNode parse(String text, String code, String messagePrefix) {
        try {
            JsonNode node = StrictJson.read(text);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(code, messagePrefix + "No content to map due to end-of-input'");
            }
            return node;
        } catch (StrictJson.Problem e) {
            throw new ApiException(code, messagePrefix + e.getMessage() + "'");
        }
    }
}
