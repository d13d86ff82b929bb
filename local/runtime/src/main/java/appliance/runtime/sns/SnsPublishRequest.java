package appliance.runtime.sns;

import java.util.Map;

/**
 * A Publish call to a topic.
 *
 * @param messageStructure null, or "json" when {@code message} holds one message per protocol
 */
public record SnsPublishRequest(String topicArn, String message, String subject, String messageStructure,
                                Map<String, SnsMessageAttribute> messageAttributes) {

    public SnsPublishRequest {
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
    }
}
