package appliance.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SNS's API on the server's port, in SNS's query protocol (form-encoded requests, XML responses), as the
 * AWS CLI and SDKs speak it: Publish, CreateTopic, ListTopics, ListSubscriptions and
 * ListSubscriptionsByTopic, over {@link SnsTopics}. Errors are SNS's {@code ErrorResponse} with its code.
 */
final class SnsQueryHandler implements HttpHandler {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final SnsTopics topics;

    SnsQueryHandler(SnsTopics topics) {
        this.topics = topics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(Exchanges.body(exchange), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            QueryForm form = QueryForm.parse(body.isEmpty() && query != null ? query : body);
            String requestId = UUID.randomUUID().toString();
            int status = 200;
            String xml;
            try {
                xml = answer(form, requestId);
            } catch (SnsTopics.Refused refused) {
                status = refused.status();
                xml = error(refused.status() >= 500 ? "Receiver" : "Sender", refused.code(), refused.getMessage(), requestId);
            } catch (RuntimeException failed) {
                status = 500;
                xml = error("Receiver", "InternalError", failed.getClass().getSimpleName()
                        + (failed.getMessage() == null ? "" : ": " + failed.getMessage()), requestId);
            }
            Exchanges.respond(exchange, status, "text/xml", requestId, xml);
        }
    }

    private String answer(QueryForm form, String requestId) {
        String action = form.get("Action");
        if (action == null) {
            throw new SnsTopics.Refused("MissingAction", 400, "The request must contain the parameter Action");
        }
        return switch (action) {
            case "Publish" -> response(action, "<MessageId>" + Xml.text(publish(form)) + "</MessageId>", requestId);
            case "CreateTopic" -> response(action, "<TopicArn>" + Xml.text(topics.createTopic(required(form, "Name")))
                    + "</TopicArn>", requestId);
            case "ListTopics" -> response(action, "<Topics>" + topics.topicArns().stream()
                    .map(arn -> "<member><TopicArn>" + Xml.text(arn) + "</TopicArn></member>")
                    .reduce("", String::concat) + "</Topics>", requestId);
            case "ListSubscriptions" -> response(action, subscriptions(null), requestId);
            case "ListSubscriptionsByTopic" -> response(action, subscriptions(required(form, "TopicArn")), requestId);
            default -> throw new SnsTopics.Refused("InvalidAction", 400,
                    "The action " + action + " is not valid for this endpoint (this local SNS answers Publish, "
                            + "CreateTopic, ListTopics, ListSubscriptions, ListSubscriptionsByTopic)");
        };
    }

    private String publish(QueryForm form) {
        String topicArn = form.get("TopicArn") != null ? form.get("TopicArn") : form.get("TargetArn");
        if (topicArn == null) {
            throw new SnsTopics.Refused("InvalidParameter", 400,
                    "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        String message = form.get("Message");
        if (message == null) {
            throw new SnsTopics.Refused("InvalidParameter", 400, "Invalid parameter: Message Reason: cannot be empty");
        }
        Map<String, SnsTopics.MessageAttribute> attributes = new LinkedHashMap<>();
        form.entries("MessageAttributes").forEach((name, value) -> attributes.put(name,
                new SnsTopics.MessageAttribute(value.get("DataType"), value.get("StringValue"))));
        return topics.publish(topicArn, message, form.get("Subject"), form.get("MessageStructure"), attributes);
    }

    private String subscriptions(String topicArn) {
        StringBuilder xml = new StringBuilder("<Subscriptions>");
        for (SnsTopics.Subscription subscription : topics.subscriptions(topicArn)) {
            xml.append("<member><TopicArn>").append(Xml.text(subscription.topicArn()))
                    .append("</TopicArn><Protocol>").append(Xml.text(subscription.protocol()))
                    .append("</Protocol><SubscriptionArn>").append(Xml.text(subscription.subscriptionArn()))
                    .append("</SubscriptionArn><Owner>123456789012</Owner><Endpoint>")
                    .append(Xml.text(subscription.endpoint())).append("</Endpoint></member>");
        }
        return xml.append("</Subscriptions>").toString();
    }

    private static String required(QueryForm form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new SnsTopics.Refused("InvalidParameter", 400, "Invalid parameter: " + name
                    + " Reason: no value for required parameter");
        }
        return value;
    }

    private static String response(String action, String result, String requestId) {
        return "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action
                + "Response>";
    }

    private static String error(String type, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + type + "</Type><Code>" + Xml.text(code)
                + "</Code><Message>" + Xml.text(message) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }
}
