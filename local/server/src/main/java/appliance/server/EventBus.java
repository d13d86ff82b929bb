package appliance.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The EventBridge behind the server's EventBridge API ({@link EventBridgeHandler}): the rules of the
 * project's template, whose state machine targets start executions here.
 */
@FunctionalInterface
public interface EventBus {

    /**
     * PutEvents: routes each entry through the rules it matches.
     *
     * @param request PutEvents' request ({@code {"Entries": [...]}})
     * @return PutEvents' response ({@code FailedEntryCount}, {@code Entries})
     * @throws IllegalArgumentException for a request EventBridge refuses as a whole (its message says why)
     */
    ObjectNode putEvents(ObjectNode request);
}
