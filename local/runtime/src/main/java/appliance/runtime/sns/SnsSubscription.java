package appliance.runtime.sns;

/**
 * A subscription of a topic: where SNS delivers (protocol and endpoint) and which messages (its filter).
 *
 * @param filter accepts every message when the subscription has no FilterPolicy
 * @param rawMessageDelivery for SQS, HTTP/S and Firehose: deliver the message alone, not SNS's JSON envelope
 */
public record SnsSubscription(String subscriptionArn, String topicArn, String protocol, String endpoint,
                              SubscriptionFilter filter, boolean rawMessageDelivery) {
}
