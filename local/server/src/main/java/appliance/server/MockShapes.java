package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What the optimized integrations answer, field by field, so TestState can check a mocked result as
 * AWS does ({@code fieldValidationMode}): STRICT refuses a field the integration never returns, or one
 * of the wrong type; PRESENT checks only the types of the fields it knows; NONE checks nothing. A
 * resource not listed (a Lambda function ARN, whose answer is the function's own, an aws-sdk
 * integration, {@code .waitForTaskToken}, whose answer is the worker's) is not checked.
 */
final class MockShapes {

    private static final Map<String, JsonNodeType> METADATA = Map.of(
            "SdkHttpMetadata", JsonNodeType.OBJECT, "SdkResponseMetadata", JsonNodeType.OBJECT);

    private static final Map<String, Map<String, JsonNodeType>> SHAPES = Map.ofEntries(
            Map.entry("arn:aws:states:::lambda:invoke", with(Map.of("ExecutedVersion", JsonNodeType.STRING,
                    "FunctionError", JsonNodeType.STRING, "LogResult", JsonNodeType.STRING,
                    "Payload", JsonNodeType.MISSING, "StatusCode", JsonNodeType.NUMBER))),
            Map.entry("arn:aws:states:::sns:publish", with(Map.of("MessageId", JsonNodeType.STRING,
                    "SequenceNumber", JsonNodeType.STRING))),
            Map.entry("arn:aws:states:::sqs:sendMessage", with(Map.of("MD5OfMessageBody", JsonNodeType.STRING,
                    "MD5OfMessageAttributes", JsonNodeType.STRING, "MD5OfMessageSystemAttributes", JsonNodeType.STRING,
                    "MessageId", JsonNodeType.STRING, "SequenceNumber", JsonNodeType.STRING))),
            Map.entry("arn:aws:states:::dynamodb:getItem", with(Map.of("Item", JsonNodeType.OBJECT,
                    "ConsumedCapacity", JsonNodeType.OBJECT))),
            Map.entry("arn:aws:states:::dynamodb:putItem", with(writeShape())),
            Map.entry("arn:aws:states:::dynamodb:updateItem", with(writeShape())),
            Map.entry("arn:aws:states:::dynamodb:deleteItem", with(writeShape())),
            Map.entry("arn:aws:states:::events:putEvents", with(Map.of("Entries", JsonNodeType.ARRAY,
                    "FailedEntryCount", JsonNodeType.NUMBER))),
            Map.entry("arn:aws:states:::states:startExecution", with(Map.of("ExecutionArn", JsonNodeType.STRING,
                    "StartDate", JsonNodeType.MISSING))));

    private MockShapes() {
    }

    private static Map<String, JsonNodeType> writeShape() {
        return Map.of("Attributes", JsonNodeType.OBJECT, "ConsumedCapacity", JsonNodeType.OBJECT,
                "ItemCollectionMetrics", JsonNodeType.OBJECT);
    }

    private static Map<String, JsonNodeType> with(Map<String, JsonNodeType> fields) {
        java.util.HashMap<String, JsonNodeType> all = new java.util.HashMap<>(fields);
        all.putAll(METADATA);
        return Map.copyOf(all);
    }

    /**
     * Checks a mocked result of a Task state's resource.
     *
     * @throws ApiException ValidationException naming the field that does not fit
     */
    static void check(String resource, JsonNode result, String mode) {
        Map<String, JsonNodeType> shape = SHAPES.get(resource);
        if (shape == null || "NONE".equals(mode)) {
            return;
        }
        if (!result.isObject()) {
            throw ApiException.validation("Mock result schema validation error: the result of " + resource
                    + " is a JSON object, not " + result.getNodeType().name().toLowerCase());
        }
        boolean strict = "STRICT".equals(mode);
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNodeType expected = shape.get(field.getKey());
            if (expected == null) {
                if (strict) {
                    throw ApiException.validation("Mock result schema validation error: Field '" + field.getKey()
                            + "' is not returned by " + resource + " (fields: " + Set.copyOf(shape.keySet())
                            + "); use fieldValidationMode PRESENT or NONE to allow it");
                }
                continue;
            }
            if (expected != JsonNodeType.MISSING && !field.getValue().isNull()
                    && field.getValue().getNodeType() != expected) {
                throw ApiException.validation("Mock result schema validation error: Field '" + field.getKey()
                        + "' of " + resource + " must be a " + expected.name().toLowerCase() + ", not "
                        + field.getValue().getNodeType().name().toLowerCase());
            }
        }
    }
}
