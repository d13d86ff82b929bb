package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One target of one EventBridge rule, from an {@code AWS::Events::Rule} (one per entry of Targets) or
 * from the EventBridgeRule/CloudWatchEvent event of a SAM function or state machine (SAM generates
 * the rule {@code <Resource><EventName>}).
 *
 * @param eventBusName     the bus name ({@code default} when none is given)
 * @param pattern          the event pattern as a JSON object (Pattern or EventPattern)
 * @param targetLogicalId  the template resource the target ARN belongs to, when it is one
 * @param input            the constant Input (JSON text), when given
 * @param inputPath        the InputPath, when given
 * @param inputTransformer the InputTransformer ({@code InputPathsMap}, {@code InputTemplate}), when given
 */
public record EventRuleTarget(
        String ruleLogicalId,
        String ruleName,
        String ruleArn,
        String eventBusName,
        JsonNode pattern,
        boolean enabled,
        String targetId,
        String targetArn,
        Optional<String> targetLogicalId,
        Optional<String> input,
        Optional<String> inputPath,
        Optional<JsonNode> inputTransformer,
        Optional<JsonNode> retryPolicy,
        Optional<JsonNode> deadLetterConfig) {

    public EventRuleTarget {
        pattern = pattern.deepCopy();
        inputTransformer = inputTransformer.map(JsonNode::deepCopy);
        retryPolicy = retryPolicy.map(JsonNode::deepCopy);
        deadLetterConfig = deadLetterConfig.map(JsonNode::deepCopy);
    }

    @Override
    public JsonNode pattern() {
        return pattern.deepCopy();
    }
}
