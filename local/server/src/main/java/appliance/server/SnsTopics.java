package appliance.server;

import java.util.List;
import java.util.Map;

/**
 * The SNS behind the server's SNS API ({@link SnsQueryHandler}): the topics and subscriptions of the
 * project's template, with its subscribers (for example a function that starts executions here).
 * Implementations throw {@link SnsTopics.Refused} with SNS's error code for what SNS refuses.
 */
public interface SnsTopics {

    /** Publish: delivers the message to the topic's subscriptions. @return the MessageId */
    String publish(String topicArn, String message, String subject, String messageStructure,
            Map<String, MessageAttribute> attributes);

    /** CreateTopic: the topic's ARN (the existing one when it exists). */
    String createTopic(String name);

    /** ListTopics: every topic's ARN. */
    List<String> topicArns();

    /** ListSubscriptions(ByTopic): the subscriptions of one topic, or of all when {@code topicArn} is null. */
    List<Subscription> subscriptions(String topicArn);

    /** A message attribute as Publish takes it. */
    record MessageAttribute(String dataType, String stringValue) {
    }

    /** A subscription as ListSubscriptions describes it. */
    record Subscription(String subscriptionArn, String topicArn, String protocol, String endpoint) {
    }

    /** SNS's refusal: its error code (NotFound, InvalidParameter, ...), HTTP status and message. */
    final class Refused extends RuntimeException {
        private final String code;
        private final int status;

        public Refused(String code, int status, String message) {
            super(message);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }
}
