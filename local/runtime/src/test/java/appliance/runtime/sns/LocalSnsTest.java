package appliance.runtime.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalSnsTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:CookAlertsTopic";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:Listener";

    private final List<JsonNode> lambdaEvents = new ArrayList<>();
    private final List<SnsDelivery> observed = new ArrayList<>();
    private LocalSns sns;

    @BeforeEach
    void topic_with_email_sms_and_lambda_subscriptions() {
        sns = new LocalSns((arn, event) -> {
            lambdaEvents.add(event);
            return null;
        }, Clock.fixed(Instant.parse("2026-11-28T08:15:00Z"), ZoneOffset.UTC), () -> "message-1");
        sns.createTopic(TOPIC);
        SubscriptionFilter earlyOnly = (attributes, message) ->
                attributes.containsKey("outcome") && attributes.get("outcome").value().startsWith("EARLY");
        sns.subscribe(new SnsSubscription(TOPIC + ":email", TOPIC, "email", "owner@example.com", earlyOnly, false));
        sns.subscribe(new SnsSubscription(TOPIC + ":sms", TOPIC, "sms", "+14155550100", SubscriptionFilter.ACCEPT_ALL, false));
        sns.subscribe(new SnsSubscription(TOPIC + ":lambda", TOPIC, "lambda", FUNCTION, SubscriptionFilter.ACCEPT_ALL, false));
        sns.onDelivery(observed::add);
    }

    private static SnsPublishRequest request(String message, String structure, String outcome) {
        return new SnsPublishRequest(TOPIC, message, "Cook", structure,
                Map.of("outcome", new SnsMessageAttribute("String", outcome)));
    }

    @Test
    void message_structure_json_gives_each_protocol_its_own_message_or_the_default() {
        LocalSns.PublishResult result = sns.publish(request(
                "{\"default\": \"plain\", \"email\": \"long email\", \"sms\": \"short\"}", "json", "EARLY_END_PRESET"));

        assertThat(result.messageId()).isEqualTo("message-1");
        assertThat(result.deliveries()).extracting(SnsDelivery::protocol, SnsDelivery::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("email", "long email"),
                org.assertj.core.groups.Tuple.tuple("sms", "short"),
                org.assertj.core.groups.Tuple.tuple("lambda", "plain"));
        assertThat(observed).isEqualTo(result.deliveries());
    }

    @Test
    void a_subscription_whose_filter_refuses_the_message_gets_nothing() {
        LocalSns.PublishResult result = sns.publish(request("done", null, "COMPLETED"));

        assertThat(result.deliveries()).extracting(SnsDelivery::protocol).containsExactly("sms", "lambda");
    }

    @Test
    void a_subscribed_lambda_gets_the_sns_event_shape() {
        sns.publish(request("hello", null, "EARLY_END_CUSTOM"));

        JsonNode record = lambdaEvents.get(0).get("Records").get(0);
        assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.at("/Sns/Message").asText()).isEqualTo("hello");
        assertThat(record.at("/Sns/MessageId").asText()).isEqualTo("message-1");
        assertThat(record.at("/Sns/Timestamp").asText()).isEqualTo("2026-11-28T08:15:00.000Z");
        assertThat(record.at("/Sns/MessageAttributes/outcome/Value").asText()).isEqualTo("EARLY_END_CUSTOM");
        assertThat(record.at("/Sns/MessageAttributes/outcome/Type").asText()).isEqualTo("String");
    }

    @Test
    void a_lambda_subscribers_error_is_recorded_on_its_delivery() {
        LocalSns failing = new LocalSns((arn, event) -> "java.lang.IllegalStateException: boom",
                Clock.systemUTC(), () -> "m");
        failing.createTopic(TOPIC);
        failing.subscribe(new SnsSubscription("s", TOPIC, "lambda", FUNCTION, SubscriptionFilter.ACCEPT_ALL, false));

        assertThat(failing.publish(request("x", null, "COMPLETED")).deliveries())
                .singleElement().extracting(SnsDelivery::error).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void publishing_to_an_unknown_topic_is_not_found() {
        assertThatThrownBy(() -> sns.publish(new SnsPublishRequest(TOPIC + "x", "m", null, null, null)))
                .isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NotFound");
                    assertThat(e.stepFunctionsError()).isEqualTo("SNS.NotFoundException");
                });
    }

    @Test
    void a_json_structure_without_a_default_or_not_json_is_an_invalid_parameter() {
        assertThatThrownBy(() -> sns.publish(request("{\"email\": \"x\"}", "json", "X")))
                .hasMessage("Invalid parameter: Message Structure - No default entry in JSON message body");
        assertThatThrownBy(() -> sns.publish(request("not json", "json", "X")))
                .hasMessage("Invalid parameter: Message Structure - JSON message body failed to parse");
        assertThatThrownBy(() -> sns.publish(request("", null, "X")))
                .hasMessage("Invalid parameter: Empty message");
    }
}
