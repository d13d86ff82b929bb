package appliance.runtime.events;

import appliance.runtime.template.EventRuleTarget;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    public RoutedEvent route(PutEventsEntry entry) {
        Instant received = environment.clock().instant();
        ObjectNode event = EventEnvelope.of(entry, environment, received);
        List<Delivery> deliveries = new ArrayList<>();
        for (EventRuleTarget target : rules.matching(event, entry.busName())) {
            RuleContext rule = new RuleContext(target.ruleName(), target.ruleArn(), received);
            deliveries.add(new Delivery(target, inputs.get(target).render(event, rule)));
        }
        return new RoutedEvent(event, deliveries);
    }
}
