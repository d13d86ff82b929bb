package appliance.runtime.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * SNS on this machine: the template's topics and subscriptions. A publish picks each subscription's
 * message (per protocol under MessageStructure json), applies its filter policy, records a delivery, and
 * invokes subscribed Lambdas with the event shape SNS gives them. Nothing leaves the machine: email, SMS,
 * push and HTTP deliveries are recorded, not sent.
 */
public final class LocalSns {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SNS always writes milliseconds: 2026-11-28T08:15:00.000Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, List<SnsSubscription>> subscriptionsByTopic = new ConcurrentHashMap<>();
    private final List<Consumer<SnsDelivery>> listeners = new CopyOnWriteArrayList<>();
    private final LambdaSubscriber lambdaSubscriber;
    private final Clock clock;
    private final Supplier<String> messageIds;

    public LocalSns(LambdaSubscriber lambdaSubscriber, Clock clock, Supplier<String> messageIds) {
        this.lambdaSubscriber = lambdaSubscriber;
        this.clock = clock;
        this.messageIds = messageIds;
    }

    public void createTopic(String topicArn) {
        subscriptionsByTopic.putIfAbsent(topicArn, new CopyOnWriteArrayList<>());
    }

    public void subscribe(SnsSubscription subscription) {
        List<SnsSubscription> subscriptions = subscriptionsByTopic.get(subscription.topicArn());
        if (subscriptions == null) {
            throw new SnsException("NotFound", "Topic does not exist: " + subscription.topicArn());
        }
        subscriptions.add(subscription);
    }

    /** Every topic's ARN, in no particular order. */
    public List<String> topics() {
        return List.copyOf(subscriptionsByTopic.keySet());
    }

    public List<SnsSubscription> subscriptions(String topicArn) {
        return List.copyOf(subscriptionsByTopic.getOrDefault(topicArn, List.of()));
    }

    /** Every delivery from now on is also given to the listener (the CLI's report, the server's store). */
    public void onDelivery(Consumer<SnsDelivery> listener) {
        listeners.add(listener);
    }

    /**
     * Publishes as SNS's Publish does, and returns the deliveries it made.
     *
     * @throws SnsException NotFound for an unknown topic, InvalidParameter for a malformed request
     */
    public PublishResult publish(SnsPublishRequest request) {
        List<SnsSubscription> subscriptions = subscriptionsByTopic.get(request.topicArn());
        if (subscriptions == null) {
            throw new SnsException("NotFound", "Topic does not exist");
        }
        if (request.message() == null || request.message().isEmpty()) {
            throw new SnsException("InvalidParameter", "Invalid parameter: Empty message");
        }
        JsonNode perProtocol = perProtocolMessages(request);
        String messageId = messageIds.get();
        List<SnsDelivery> deliveries = new ArrayList<>();
        for (SnsSubscription subscription : subscriptions) {
            String message = perProtocol == null
                    ? request.message()
                    : perProtocol.path(subscription.protocol()).asText(perProtocol.get("default").asText());
            if (!subscription.filter().accepts(request.messageAttributes(), message)) {
                continue;
            }
            SnsDelivery delivery = deliver(subscription, messageId, request, message);
            deliveries.add(delivery);
            listeners.forEach(listener -> listener.accept(delivery));
        }
        return new PublishResult(messageId, Collections.unmodifiableList(deliveries));
    }

    /** The result of a publish: SNS's MessageId, and what was delivered to whom. */
    public record PublishResult(String messageId, List<SnsDelivery> deliveries) {
    }

    private static JsonNode perProtocolMessages(SnsPublishRequest request) {
        if (request.messageStructure() == null) {
            return null;
        }
        if (!request.messageStructure().equals("json")) {
            throw new SnsException("InvalidParameter",
                    "Invalid parameter: MessageStructure must be json, got " + request.messageStructure());
        }
        JsonNode messages;
        try {
            messages = JSON.readTree(request.message());
        } catch (JsonProcessingException e) {
            throw new SnsException("InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (messages == null || !messages.isObject()) {
            throw new SnsException("InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (!messages.path("default").isTextual()) {
            throw new SnsException("InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return messages;
    }

    private SnsDelivery deliver(SnsSubscription subscription, String messageId, SnsPublishRequest request, String message) {
        String error = null;
        if (subscription.protocol().equals("lambda")) {
            error = lambdaSubscriber.deliver(subscription.endpoint(), lambdaEvent(subscription, messageId, request, message));
        }
        return new SnsDelivery(messageId, request.topicArn(), subscription.subscriptionArn(), subscription.protocol(),
                subscription.endpoint(), request.subject(), message, error);
    }

    /** The event a subscribed Lambda receives: one record carrying the notification. */
    private ObjectNode lambdaEvent(SnsSubscription subscription, String messageId, SnsPublishRequest request, String message) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscription.subscriptionArn());
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", request.topicArn());
        sns.put("Subject", request.subject());
        sns.put("Message", message);
        sns.put("Timestamp", TIMESTAMP.format(clock.instant()));
        sns.put("SignatureVersion", "1");
        sns.put("Signature", "EXAMPLE");
        sns.put("SigningCertUrl", "EXAMPLE");
        sns.put("UnsubscribeUrl", "EXAMPLE");
        ObjectNode attributes = sns.putObject("MessageAttributes");
        request.messageAttributes().forEach((name, attribute) -> attributes.putObject(name)
                .put("Type", attribute.dataType())
                .put("Value", attribute.value()));
        return event;
    }
}
