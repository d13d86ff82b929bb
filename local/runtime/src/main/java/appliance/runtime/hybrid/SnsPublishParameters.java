package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * A {@code sns:publish} task's parameters as SNS's Publish request. Step Functions passes the fields
 * through; the one conversion is {@code Message}: a JSON value that is not a string is sent as its JSON
 * text, since Publish takes only strings. A {@code BinaryValue} attribute is base64 text in the task's
 * JSON, as in SNS's JSON form of the API. Missing fields are left for SNS to judge.
 */
final class SnsPublishParameters {

    private SnsPublishParameters() {
    }

    static PublishRequest toRequest(JsonNode parameters) {
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw invalid("the parameters of arn:aws:states:::sns:publish must be a JSON object, got "
                    + parameters.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        JsonNode message = field(parameters, "Message");
        return PublishRequest.builder()
                .topicArn(text(parameters, "TopicArn"))
                .targetArn(text(parameters, "TargetArn"))
                .phoneNumber(text(parameters, "PhoneNumber"))
                .message(message == null ? null : message.isTextual() ? message.textValue() : message.toString())
                .subject(text(parameters, "Subject"))
                .messageStructure(text(parameters, "MessageStructure"))
                .messageGroupId(text(parameters, "MessageGroupId"))
                .messageDeduplicationId(text(parameters, "MessageDeduplicationId"))
                .messageAttributes(attributes(field(parameters, "MessageAttributes")))
                .build();
    }

    private static Map<String, MessageAttributeValue> attributes(JsonNode attributes) {
        if (attributes == null) {
            return null;
        }
        if (!attributes.isObject()) {
            throw invalid("MessageAttributes must be an object of attribute name to "
                    + "{DataType, StringValue | BinaryValue}");
        }
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.properties().forEach(entry -> values.put(entry.getKey(), attribute(entry.getKey(), entry.getValue())));
        return values;
    }

    private static MessageAttributeValue attribute(String name, JsonNode attribute) {
        if (!attribute.isObject()) {
            throw invalid("MessageAttributes." + name + " must be an object with DataType and StringValue or BinaryValue");
        }
        MessageAttributeValue.Builder value = MessageAttributeValue.builder()
                .dataType(text(attribute, "DataType"))
                .stringValue(text(attribute, "StringValue"));
        String binary = text(attribute, "BinaryValue");
        if (binary != null) {
            try {
                value.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(binary)));
            } catch (IllegalArgumentException notBase64) {
                throw invalid("MessageAttributes." + name + ".BinaryValue must be base64 text");
            }
        }
        return value.build();
    }

    private static JsonNode field(JsonNode parameters, String name) {
        JsonNode value = parameters == null ? null : parameters.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A scalar field's text (numbers and booleans as written); null when absent. */
    private static String text(JsonNode parameters, String name) {
        JsonNode value = field(parameters, name);
        if (value == null) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static StatesFailure invalid(String problem) {
        return new StatesFailure("States.Runtime", "Invalid sns:publish parameters: " + problem);
    }
}
