package appliance.runtime.events;

import appliance.runtime.template.EventRuleTarget;
import appliance.runtime.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * The enabled rule targets of a template, their event patterns compiled once into one event-ruler
 * machine per event bus (event-ruler is the matcher EventBridge itself is built on). Matching an event
 * returns the targets of every rule whose pattern it matches, in template order. Thread-safe once built.
 */
public final class EventRules {

    private final List<EventRuleTarget> targets;
    private final Map<String, Machine> machinesByBus;

    private EventRules(List<EventRuleTarget> targets, Map<String, Machine> machinesByBus) {
        this.targets = targets;
        this.machinesByBus = machinesByBus;
    }

    public static EventRules fromTemplate(SamTemplate template) {
        return compile(template.eventRules());
    }

    /**
     * @throws InvalidRuleException naming the rule when its pattern is not one EventBridge accepts
     */
    public static EventRules compile(List<EventRuleTarget> ruleTargets) {
        List<EventRuleTarget> enabled = new ArrayList<>();
        Map<String, Machine> machines = new LinkedHashMap<>();
        for (EventRuleTarget target : ruleTargets) {
            if (!target.enabled()) {
                continue;
            }
            int index = enabled.size();
            enabled.add(target);
            String pattern = patternText(target);
            Machine machine = machines.computeIfAbsent(target.eventBusName(), bus -> Machine.builder().build());
            try {
                // The rule name in the machine is the target's index: several targets may share one rule.
                machine.addRule(Integer.toString(index), pattern);
            } catch (IOException | RuntimeException e) {
                throw new InvalidRuleException("Rule " + target.ruleName() + ": Event pattern is not valid. Reason: " + firstLine(e.getMessage()));
            }
        }
        return new EventRules(List.copyOf(enabled), machines);
    }

    private static String patternText(EventRuleTarget target) {
        JsonNode pattern = target.pattern();
        if (pattern.isEmpty()) {
            throw new InvalidRuleException("Rule " + target.ruleName() + ": Event pattern is not valid. Reason: it is empty");
        }
        return pattern.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not a valid pattern";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Every enabled target, in template order. */
    public List<EventRuleTarget> targets() {
        return targets;
    }

    /** The targets whose rule, on the given bus, matches the event (an envelope from {@link EventEnvelope}). */
    public List<EventRuleTarget> matching(JsonNode event, String busName) {
        Machine machine = machinesByBus.get(busName);
        if (machine == null) {
            return List.of();
        }
        List<String> matched = machine.rulesForJSONEvent(event);
        List<EventRuleTarget> result = new ArrayList<>();
        // Keep template order, whatever order the machine reports its matches in.
        for (int i = 0; i < targets.size(); i++) {
            if (matched.contains(Integer.toString(i))) {
                result.add(targets.get(i));
            }
        }
        return result;
    }
}
