package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Topics and their subscriptions: AWS::SNS::Topic (with its Subscription list) and AWS::SNS::Subscription. */
final class SnsReader {

    static final List<String> SCOPES = List.of("MessageAttributes", "MessageBody");

    private SnsReader() {
    }

    static TopicResource topic(TemplateResource resource, LocalResources references) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        LocalResources.Identity identity = references.identity(resource.logicalId(), properties.owner());
        return new TopicResource(resource.logicalId(), identity.attributes().get("TopicName").asText(), identity.ref().asText(),
                properties.optionalText("KmsMasterKeyId"), properties.booleanOr("FifoTopic", false));
    }

    static List<TopicSubscription> topicSubscriptions(TemplateResource resource, LocalResources references) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        JsonNode list = properties.raw().get("Subscription");
        List<TopicSubscription> subscriptions = new ArrayList<>();
        if (list == null || list.isNull()) {
            return subscriptions;
        }
        if (!list.isArray()) {
            throw new TemplateException(properties.owner() + ": property Subscription must be a list of {Protocol, Endpoint}");
        }
        String topicArn = references.ref(resource.logicalId(), properties.owner()).asText();
        for (int i = 0; i < list.size(); i++) {
            String id = resource.logicalId() + ".Subscription[" + i + "]";
            ResourceProperties entry = new ResourceProperties("Resource " + resource.logicalId() + ": Subscription[" + i + "]", list.get(i));
            subscriptions.add(new TopicSubscription(id, topicArn, entry.requiredText("Protocol"), entry.requiredText("Endpoint"),
                    Optional.empty(), "MessageAttributes", false));
        }
        return subscriptions;
    }

    static TopicSubscription subscription(TemplateResource resource) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        return new TopicSubscription(resource.logicalId(), properties.requiredText("TopicArn"), properties.requiredText("Protocol"),
                properties.requiredText("Endpoint"), properties.jsonObject("FilterPolicy"), scope(properties),
                properties.booleanOr("RawMessageDelivery", false));
    }

    static String scope(ResourceProperties properties) {
        String scope = properties.optionalText("FilterPolicyScope").orElse("MessageAttributes");
        if (!SCOPES.contains(scope)) {
            throw new TemplateException(properties.owner() + ": property FilterPolicyScope must be MessageAttributes or MessageBody, got " + scope);
        }
        return scope;
    }
}
