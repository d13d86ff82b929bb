package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** SNS (query protocol, XML) and EventBridge (AWS JSON 1.1) on the Step Functions server's port, through AWS's own clients. */
class SnsAndEventBridgeProtocolTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:Alerts";

    private final ServerFixture fixture = new ServerFixture();
    private final RecordingTopics topics = new RecordingTopics();
    private final List<ObjectNode> putEvents = new CopyOnWriteArrayList<>();
    private final SnsClient sns;
    private final EventBridgeClient events;

    SnsAndEventBridgeProtocolTest() {
        fixture.server.serveSns(topics);
        fixture.server.serveEventBridge(request -> {
            putEvents.add(request);
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.put("FailedEntryCount", 0);
            request.path("Entries").forEach(entry -> response.withArray("Entries").addObject().put("EventId", "e-" + entry.path("Source").asText()));
            return response;
        });
        URI endpoint = fixture.server.endpoint();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void close() {
        sns.close();
        events.close();
        fixture.close();
    }

    @Test
    void publish_reaches_the_topic_with_its_attributes_and_answers_a_message_id() {
        PublishResponse response = sns.publish(r -> r.topicArn(TOPIC).message("{\"cook_secs\":45}").subject("Cook & ended")
                .messageAttributes(Map.of("outcome", MessageAttributeValue.builder().dataType("String")
                        .stringValue("EARLY_END_PRESET").build())));

        assertThat(response.messageId()).isEqualTo("m-1");
        assertThat(topics.published).containsExactly(TOPIC + " {\"cook_secs\":45} Cook & ended {outcome=String:EARLY_END_PRESET}");
    }

    @Test
    void publish_to_a_topic_that_does_not_exist_is_snss_not_found() {
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(TOPIC + "Missing").message("x")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist");
    }

    @Test
    void topics_and_subscriptions_are_listed_and_created() {
        String created = sns.createTopic(r -> r.name("Orders")).topicArn();

        assertThat(created).isEqualTo("arn:aws:sns:us-east-1:123456789012:Orders");
        assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn()).containsExactly(TOPIC, created);
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions())
                .extracting(s -> s.protocol() + " " + s.endpoint()).containsExactly("lambda arn:aws:lambda:us-east-1:123456789012:function:Start");
    }

    @Test
    void put_events_reaches_the_bus_and_the_step_functions_api_still_answers_on_the_same_port() {
        PutEventsResponse response = events.putEvents(r -> r.entries(e -> e.source("appliance.microwave")
                .detailType("Cook Ended").detail("{\"cook_secs\":45}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries().get(0).eventId()).isEqualTo("e-appliance.microwave");
        assertThat(putEvents.get(0).at("/Entries/0/DetailType").asText()).isEqualTo("Cook Ended");
        assertThat(fixture.sfn.listStateMachines().stateMachines()).isEmpty();
    }

    /** Our own SnsTopics, recording what the handler gives it. */
    private static final class RecordingTopics implements SnsTopics {
        final List<String> published = new ArrayList<>();
        final List<String> arns = new ArrayList<>(List.of(TOPIC));

        @Override
        public String publish(String topicArn, String message, String subject, String messageStructure,
                Map<String, MessageAttribute> attributes) {
            if (!arns.contains(topicArn)) {
                throw new Refused("NotFound", 404, "Topic does not exist");
            }
            StringBuilder text = new StringBuilder();
            attributes.forEach((name, value) -> text.append(name).append('=').append(value.dataType()).append(':').append(value.stringValue()));
            published.add(topicArn + " " + message + " " + subject + " {" + text + "}");
            return "m-" + published.size();
        }

        @Override
        public String createTopic(String name) {
            String arn = "arn:aws:sns:us-east-1:123456789012:" + name;
            arns.add(arn);
            return arn;
        }

        @Override
        public List<String> topicArns() {
            return arns;
        }

        @Override
        public List<Subscription> subscriptions(String topicArn) {
            return List.of(new Subscription(TOPIC + ":1", TOPIC, "lambda", "arn:aws:lambda:us-east-1:123456789012:function:Start"));
        }
    }
}
