package appliance.runtime.events;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import appliance.runtime.template.EventRuleTarget;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a rule target receives, as EventBridge builds it: the whole matched event (no input setting),
 * a constant {@code Input}, the part selected by {@code InputPath}, or an {@code InputTransformer}'s
 * output. At most one of the three may be set on a target.
 */
public sealed interface TargetInput permits TargetInput.MatchedEvent, TargetInput.Constant, TargetInput.Path, InputTransformer {

    /** The text the target receives for this event. */
    String render(ObjectNode event, RuleContext rule);

    /**
     * Compiles a target's input setting once.
     *
     * @throws InvalidRuleException naming the rule and target when the setting is not valid
     */
    static TargetInput of(EventRuleTarget target) {
        String where = "Rule " + target.ruleName() + ", target " + target.targetId();
        int settings = (target.input().isPresent() ? 1 : 0) + (target.inputPath().isPresent() ? 1 : 0) + (target.inputTransformer().isPresent() ? 1 : 0);
        if (settings > 1) {
            throw new InvalidRuleException(where + ": only one of Input, InputPath or InputTransformer may be given");
        }
        if (target.input().isPresent()) {
            return Constant.of(target.input().get(), where);
        }
        if (target.inputPath().isPresent()) {
            return Path.of(target.inputPath().get(), where);
        }
        if (target.inputTransformer().isPresent()) {
            return InputTransformer.compile(target.inputTransformer().get(), where);
        }
        return new MatchedEvent();
    }

    /** No input setting: the target gets the event as matched. */
    record MatchedEvent() implements TargetInput {
        @Override
        public String render(ObjectNode event, RuleContext rule) {
            return event.toString();
        }
    }

    /** {@code Input}: the same JSON text for every event. */
    record Constant(String json) implements TargetInput {
        static Constant of(String json, String where) {
            try {
                new ObjectMapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new InvalidRuleException(where + ": Input is not valid JSON: " + e.getOriginalMessage());
            }
            return new Constant(json);
        }

        @Override
        public String render(ObjectNode event, RuleContext rule) {
            return json;
        }
    }

    /** {@code InputPath}: the part of the event the JSONPath selects ({@code null} when it selects nothing). */
    record Path(String text, ReferencePath path) implements TargetInput {
        static Path of(String text, String where) {
            if (!text.startsWith("$") || text.startsWith("$$")) {
                throw new InvalidRuleException(where + ": InputPath '" + text + "' must be a JSONPath starting with '$'");
            }
            try {
                return new Path(text, ReferencePath.compile(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(where + ": InputPath: " + e.getMessage());
            }
        }

        @Override
        public String render(ObjectNode event, RuleContext rule) {
            JsonNode selected = path.read(new DataScope(event, null, null));
            return selected == null ? "null" : selected.toString();
        }
    }
}
