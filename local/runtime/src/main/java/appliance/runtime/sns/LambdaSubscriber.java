package appliance.runtime.sns;

import com.fasterxml.jackson.databind.JsonNode;

/** Invokes a Lambda subscribed to a topic, with the SNS event, asynchronously as SNS does. */
@FunctionalInterface
public interface LambdaSubscriber {

    /**
     * @return null when the function ran; otherwise its error, as {@code errorType: errorMessage}
     */
    String deliver(String functionArn, JsonNode snsEvent);
}
