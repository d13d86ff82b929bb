package appliance.runtime.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * An SNS subscription filter policy, compiled once. SNS's policy language (exact strings and numbers,
 * prefix, suffix, anything-but, numeric ranges, exists, equals-ignore-case, cidr, {@code $or}, OR across
 * the values of a key, AND across keys) is the event-pattern language of AWS's event-ruler, so the policy
 * is compiled with event-ruler and the message is matched as a JSON document: the attributes turned into
 * one (see {@link AttributesDocument}) for scope MessageAttributes, the body itself for MessageBody.
 * Writing a second matcher by hand would only add ways to differ from AWS.
 */
public final class SubscriptionFilterPolicy implements SubscriptionFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "policy";

    private final JsonNode policy;
    private final FilterPolicyScope scope;
    /** Null when there is no policy: every message is delivered. */
    private final Machine machine;

    private SubscriptionFilterPolicy(JsonNode policy, FilterPolicyScope scope, Machine machine) {
        this.policy = policy;
        this.scope = scope;
        this.machine = machine;
    }

    /** No filter policy: the subscription receives every message. */
    public static SubscriptionFilterPolicy acceptAll() {
        return new SubscriptionFilterPolicy(null, FilterPolicyScope.MESSAGE_ATTRIBUTES, null);
    }

    /** The policy of a subscription read from the template (none: every message is delivered). */
    public static SubscriptionFilterPolicy of(appliance.runtime.template.TopicSubscription subscription) {
        FilterPolicyScope scope = FilterPolicyScope.fromAwsName(subscription.filterPolicyScope());
        return subscription.filterPolicy().map(policy -> compile(policy, scope)).orElseGet(SubscriptionFilterPolicy::acceptAll);
    }

    /** @throws InvalidFilterPolicyException when the text is not JSON or not a policy SNS accepts */
    public static SubscriptionFilterPolicy compile(String policyJson, FilterPolicyScope scope) {
        JsonNode policy;
        try {
            policy = JSON.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: failed to parse JSON. " + e.getOriginalMessage());
        }
        return compile(policy, scope);
    }

    /** @throws InvalidFilterPolicyException when the policy is not one SNS accepts */
    public static SubscriptionFilterPolicy compile(JsonNode policy, FilterPolicyScope scope) {
        if (policy == null || !policy.isObject()) {
            throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: Filter policy must be a JSON object");
        }
        if (policy.isEmpty()) {
            // An empty policy {} is how SNS removes filtering: everything is delivered.
            return new SubscriptionFilterPolicy(policy.deepCopy(), scope, null);
        }
        if (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES) {
            requireFlat(policy);
        }
        FilterPolicyLimits.check(policy);
        Machine machine = Machine.builder().build();
        try {
            machine.addRule(RULE, policy.toString());
        } catch (IOException | RuntimeException e) {
            throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: " + firstLine(e.getMessage()));
        }
        return new SubscriptionFilterPolicy(policy.deepCopy(), scope, machine);
    }

    /** event-ruler's messages carry a second line with the parser's position in the JSON; the first says what is wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "not a valid filter policy";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Message attributes have no nesting, so neither may a MessageAttributes policy (except inside {@code $or}). */
    private static void requireFlat(JsonNode policy) {
        for (Map.Entry<String, JsonNode> entry : policy.properties()) {
            if (entry.getKey().equals("$or") && entry.getValue().isArray()) {
                for (JsonNode alternative : entry.getValue()) {
                    if (alternative.isObject()) {
                        requireFlat(alternative);
                    }
                }
            } else if (entry.getValue().isObject()) {
                throw new InvalidFilterPolicyException("Invalid parameter: FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy");
            }
        }
    }

    public FilterPolicyScope scope() {
        return scope;
    }

    /** The policy as written (a copy); null for {@link #acceptAll()}. */
    public JsonNode policy() {
        return policy == null ? null : policy.deepCopy();
    }

    /**
     * True when SNS would deliver this message to the subscription.
     *
     * @param attributes  the Publish MessageAttributes (may be empty)
     * @param messageBody the Message as published; for scope MessageBody it must be a JSON object to match
     */
    @Override
    public boolean accepts(Map<String, SnsMessageAttribute> attributes, String messageBody) {
        if (machine == null) {
            return true;
        }
        JsonNode document;
        if (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES) {
            document = AttributesDocument.of(attributes == null ? Map.of() : attributes);
        } else {
            document = bodyDocument(messageBody);
            if (document == null) {
                return false;
            }
        }
        return !machine.rulesForJSONEvent(document).isEmpty();
    }

    /** A body that is not a JSON object cannot match a MessageBody policy; SNS drops the message for that subscription. */
    private static JsonNode bodyDocument(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
