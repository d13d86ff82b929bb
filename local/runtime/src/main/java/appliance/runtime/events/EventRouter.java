package appliance.runtime.events;

import appliance.runtime.template.EventRuleTarget;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PutEvents locally: builds the event from an entry, matches it against the rules of its bus and
 * computes each matched target's input. Starting the targets is the caller's job (it knows the state
 * machines and functions); this class only says what EventBridge would deliver where.
 */
public final class EventRouter {

    /** One matched target and the input it receives. */
    public record Delivery(EventRuleTarget target, String input) {
    }

    /** The event as EventBridge built it, and where it goes (empty when no rule matched). */
    public record RoutedEvent(ObjectNode event, List<Delivery> deliveries) {
        public RoutedEvent {
            event = event.deepCopy();
            deliveries = List.copyOf(deliveries);
        }

        @Override
        public ObjectNode event() {
            return event.deepCopy();
        }

        public String eventId() {
            return event.get("id").asText();
        }
    }

    private final EventRules rules;
    private final EventEnvironment environment;
    private final Map<EventRuleTarget, TargetInput> inputs = new IdentityHashMap<>();

    /** @throws InvalidRuleException when a target's input setting is not valid */
    public EventRouter(EventRules rules, EventEnvironment environment) {
        this.rules = rules;
        this.environment = environment;
        for (EventRuleTarget target : rules.targets()) {
            inputs.put(target, TargetInput.of(target));
        }
    }

    /**
     * The outcome of one PutEvents request: each entry routed, or failed with its error, in order.
     * {@link #toAwsResponse()} gives PutEvents' response ({@code FailedEntryCount}, {@code Entries}).
     */
    public record PutEventsOutcome(List<PutEventsFile.ParsedEntry> entries, List<Optional<RoutedEvent>> routed) {
        public PutEventsOutcome {
            entries = List.copyOf(entries);
            routed = List.copyOf(routed);
        }

        public int failedEntryCount() {
            return (int) routed.stream().filter(Optional::isEmpty).count();
        }

        /** As {@code aws events put-events} prints it: an EventId per accepted entry, ErrorCode/ErrorMessage per failed one. */
        public ObjectNode toAwsResponse() {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.put("FailedEntryCount", failedEntryCount());
            ArrayNode list = response.putArray("Entries");
            for (int i = 0; i < entries.size(); i++) {
                ObjectNode entry = list.addObject();
                if (routed.get(i).isPresent()) {
                    entry.put("EventId", routed.get(i).get().eventId());
                } else {
                    entry.put("ErrorCode", entries.get(i).errorCode().orElse("InvalidArgument"));
                    entry.put("ErrorMessage", entries.get(i).errorMessage().orElse(""));
                }
            }
            return response;
        }
    }

    /** Routes every valid entry of a put-events file; invalid ones are reported, not routed, as PutEvents does. */
    public PutEventsOutcome putEvents(List<PutEventsFile.ParsedEntry> entries) {
        List<Optional<RoutedEvent>> routed = new ArrayList<>();
        for (PutEventsFile.ParsedEntry entry : entries) {
            routed.add(entry.entry().map(this::route));
        }
        return new PutEventsOutcome(entries, routed);
    }

    public RoutedEvent route(PutEventsEntry entry) {
        Instant received = environment.clock().instant();
        return routeEvent(EventEnvelope.of(entry, environment, received), entry.busName(), received);
    }

    /**
     * Routes an event that already has EventBridge's envelope (as a file of a sample event has it), as if
     * it had arrived on the bus now.
     */
    public RoutedEvent routeEvent(ObjectNode event, String busName) {
        return routeEvent(event, busName, environment.clock().instant());
    }

    private RoutedEvent routeEvent(ObjectNode event, String busName, Instant received) {
        List<Delivery> deliveries = new ArrayList<>();
        for (EventRuleTarget target : rules.matching(event, busName)) {
            RuleContext rule = new RuleContext(target.ruleName(), target.ruleArn(), received);
            deliveries.add(new Delivery(target, inputs.get(target).render(event, rule)));
        }
        return new RoutedEvent(event, deliveries);
    }
}
