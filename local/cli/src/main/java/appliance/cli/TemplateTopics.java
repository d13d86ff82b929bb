package appliance.cli;

import appliance.runtime.app.LocalApplication;
import appliance.runtime.sns.LocalSns;
import appliance.runtime.sns.SnsException;
import appliance.runtime.sns.SnsMessageAttribute;
import appliance.runtime.sns.SnsPublishRequest;
import appliance.runtime.template.TemplateSettings;
import appliance.server.SnsTopics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's SNS API over the application's local SNS: the template's topics and subscriptions, whose
 * Lambda subscribers (the starter function) run in-process and start executions on the server. A Publish
 * counts towards the execution whose function sent it (what {@code run} reports), as an sns:publish task's does.
 */
final class TemplateTopics implements SnsTopics {

    private final LocalApplication application;
    private final LocalSns sns;
    private final TemplateSettings settings;

    TemplateTopics(LocalApplication application, TemplateSettings settings) {
        this.application = application;
        this.sns = application.sns();
        this.settings = settings;
    }

    @Override
    public String publish(String topicArn, String message, String subject, String messageStructure,
            Map<String, MessageAttribute> attributes) {
        Map<String, SnsMessageAttribute> local = new LinkedHashMap<>();
        attributes.forEach((name, value) -> local.put(name, new SnsMessageAttribute(value.dataType(), value.stringValue())));
        try {
            return application.publishFromFunction(new SnsPublishRequest(topicArn, message, subject, messageStructure, local))
                    .messageId();
        } catch (SnsException refused) {
            throw new Refused(refused.code(), "NotFound".equals(refused.code()) ? 404 : 400, refused.getMessage());
        }
    }

    @Override
    public String createTopic(String name) {
        if (!name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw new Refused("InvalidParameter", 400, "Invalid parameter: Topic Name");
        }
        String arn = "arn:" + settings.partition() + ":sns:" + settings.region() + ":" + settings.accountId() + ":" + name;
        sns.createTopic(arn);
        return arn;
    }

    @Override
    public List<String> topicArns() {
        return sns.topics().stream().sorted().toList();
    }

    @Override
    public List<Subscription> subscriptions(String topicArn) {
        List<String> topics = topicArn == null ? topicArns() : List.of(topicArn);
        if (topicArn != null && !sns.topics().contains(topicArn)) {
            throw new Refused("NotFound", 404, "Topic does not exist");
        }
        return topics.stream().flatMap(topic -> sns.subscriptions(topic).stream())
                .map(s -> new Subscription(s.subscriptionArn(), s.topicArn(), s.protocol(), s.endpoint()))
                .toList();
    }
}
