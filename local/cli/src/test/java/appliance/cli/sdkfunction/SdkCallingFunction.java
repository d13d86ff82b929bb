package appliance.cli.sdkfunction;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A user's function that calls SNS and EventBridge with the AWS SDK, configured only by its environment (region,
 * credentials and endpoint, as on Lambda): {"publishTo": TOPIC_ARN, "message": ...} publishes,
 * {"putEvent": {"source", "detailType", "detail"}} puts an event, {"environment": NAME} returns that variable;
 * anything else is returned as it came
 * (a topic's subscriber).
 */
public final class SdkCallingFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (event.get("publishTo") instanceof String topicArn) {
            try (SnsClient sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                result.put("messageId", sns.publish(r -> r.topicArn(topicArn).message(String.valueOf(event.get("message"))))
                        .messageId());
            }
        } else if (event.get("putEvent") instanceof Map<?, ?> entry) {
            try (EventBridgeClient events = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                result.put("failedEntryCount", events.putEvents(r -> r.entries(e -> e.source(String.valueOf(entry.get("source")))
                        .detailType(String.valueOf(entry.get("detailType"))).detail(String.valueOf(entry.get("detail")))))
                        .failedEntryCount());
            }
        } else if (event.get("environment") instanceof String name) {
            result.put(name, System.getenv(name));
        } else {
            result.put("received", event);
        }
        return result;
    }
}
