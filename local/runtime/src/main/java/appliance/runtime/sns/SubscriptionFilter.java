package appliance.runtime.sns;

import java.util.Map;

/** Decides whether a subscription receives a message: its FilterPolicy, on attributes or on the body. */
@FunctionalInterface
public interface SubscriptionFilter {

    SubscriptionFilter ACCEPT_ALL = (attributes, message) -> true;

    boolean accepts(Map<String, SnsMessageAttribute> attributes, String message);
}
