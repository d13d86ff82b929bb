package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One subscription to a topic, from an {@code AWS::SNS::Subscription}, a Topic's {@code Subscription}
 * list, or a function's SNS event (protocol lambda; the endpoint is the alias ARN with AutoPublishAlias).
 *
 * @param id                  the logical id, {@code Topic.Subscription[0]} for a Topic's list, or the
 *                            function's logical id followed by the event name, as SAM names it
 * @param filterPolicy        the FilterPolicy as a JSON object; empty when there is none
 * @param filterPolicyScope   MessageAttributes (the default) or MessageBody
 */
public record TopicSubscription(
        String id,
        String topicArn,
        String protocol,
        String endpoint,
        Optional<JsonNode> filterPolicy,
        String filterPolicyScope,
        boolean rawMessageDelivery) {

    public TopicSubscription {
        filterPolicy = filterPolicy.map(JsonNode::deepCopy);
    }

    @Override
    public Optional<JsonNode> filterPolicy() {
        return filterPolicy.map(JsonNode::deepCopy);
    }
}
