package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One action's request body, read field by field with AWS's validation messages. */
final class Request {

    private final ObjectNode body;

    Request(ObjectNode body) {
        this.body = body;
    }

    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw ApiException.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    String optionalString(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation("Field '" + field + "' must be a string");
        }
        return value.asText();
    }

    String optionalString(String field, int maxLength) {
        String value = optionalString(field);
        if (value != null && value.length() > maxLength) {
            throw ApiException.constraint(value.substring(0, 40) + "...", field, "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    String optionalEnum(String field, List<String> allowed) {
        String value = optionalString(field);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.constraint(value, field, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.validation("Field '" + field + "' must be a boolean");
        }
        return value.asBoolean();
    }

    /** AWS's page size: 0 or absent means the default of 100, at most 1000. */
    int maxResults() {
        JsonNode value = body.get("maxResults");
        if (value == null || value.isNull()) {
            return 100;
        }
        if (!value.canConvertToInt()) {
            throw ApiException.validation("Field 'maxResults' must be an integer");
        }
        int max = value.asInt();
        if (max < 0) {
            throw ApiException.constraint(String.valueOf(max), "maxResults",
                    "Member must have value greater than or equal to 0");
        }
        if (max > 1000) {
            throw ApiException.constraint(String.valueOf(max), "maxResults",
                    "Member must have value less than or equal to 1000");
        }
        return max == 0 ? 100 : max;
    }

    JsonNode get(String field) {
        return body.get(field);
    }
}
