package appliance.runtime.sns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message delivered to one subscription, as the local SNS recorded it: what an email, SMS or push
 * would have carried, or what a subscribed Lambda was invoked with.
 *
 * @param message the text for this subscription's protocol (MessageStructure json picks it per protocol)
 * @param error null when delivered; otherwise why delivery failed (for a Lambda subscriber, its error)
 */
public record SnsDelivery(String messageId, String topicArn, String subscriptionArn, String protocol,
                          String endpoint, String subject, String message, String error) {

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("messageId", messageId);
        json.put("topicArn", topicArn);
        json.put("subscriptionArn", subscriptionArn);
        json.put("protocol", protocol);
        json.put("endpoint", endpoint);
        if (subject != null) {
            json.put("subject", subject);
        }
        json.put("message", message);
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }
}
