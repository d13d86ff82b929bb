package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event sources SAM creates from a resource's Events (an SNS subscription per SNS event, a rule
 * per EventBridgeRule/CloudWatchEvent event) and the targets of plain AWS::Events::Rule resources.
 */
final class EventSources {

    private EventSources() {
    }

    /** SNS events: SAM subscribes the function (its alias, with AutoPublishAlias) with protocol lambda. */
    static List<TopicSubscription> snsSubscriptions(FunctionResource function) {
        List<TopicSubscription> subscriptions = new ArrayList<>();
        function.events().values().stream().filter(event -> event.type().equals("SNS")).forEach(event -> {
            ResourceProperties properties = eventProperties(function.logicalId(), event);
            subscriptions.add(new TopicSubscription(function.logicalId() + event.name(), properties.requiredText("Topic"), "lambda",
                    function.invokeArn(), properties.jsonObject("FilterPolicy"), SnsReader.scope(properties), false));
        });
        return subscriptions;
    }

    static List<EventRuleTarget> functionRules(FunctionResource function, LocalResources references) {
        return samRules(function.logicalId(), function.events(), function.invokeArn(), "LambdaTarget", references);
    }

    static List<EventRuleTarget> stateMachineRules(StateMachineResource stateMachine, LocalResources references) {
        return samRules(stateMachine.logicalId(), stateMachine.events(), stateMachine.arn(), "StepFunctionsTarget", references);
    }

    private static List<EventRuleTarget> samRules(String owner, Map<String, FunctionResource.ResourceEvent> events, String targetArn,
                                                  String targetSuffix, LocalResources references) {
        List<EventRuleTarget> rules = new ArrayList<>();
        for (FunctionResource.ResourceEvent event : events.values()) {
            if (!event.type().equals("EventBridgeRule") && !event.type().equals("CloudWatchEvent")) {
                continue;
            }
            ResourceProperties properties = eventProperties(owner, event);
            JsonNode pattern = properties.jsonObject("Pattern")
                    .orElseThrow(() -> new TemplateException(properties.owner() + ": property Pattern is missing"));
            String ruleId = owner + event.name();
            String ruleArn = references.getAtt(ruleId, "Arn", properties.owner()).asText();
            String bus = properties.optionalText("EventBusName").map(LocalResources::busName).orElse("default");
            String ruleName = ruleName(references.ref(ruleId, properties.owner()).asText());
            String targetId = properties.nested("Target").optionalText("Id").orElse(ruleId + targetSuffix);
            rules.add(new EventRuleTarget(ruleId, ruleName, ruleArn, bus, pattern, enabled(properties), targetId, targetArn,
                    Optional.of(owner), properties.optionalText("Input"), properties.optionalText("InputPath"),
                    properties.jsonObject("InputTransformer"), properties.jsonObject("RetryPolicy"),
                    deadLetterConfig(ruleId, properties, references)));
        }
        return rules;
    }

    /** With {@code Type: SQS} and no Arn, SAM creates the queue: the config gets that queue's Arn. */
    private static Optional<JsonNode> deadLetterConfig(String ruleId, ResourceProperties properties, LocalResources references) {
        Optional<JsonNode> config = properties.jsonObject("DeadLetterConfig");
        String queueId = LocalResources.deadLetterQueueId(ruleId, properties.raw());
        if (config.isEmpty() || queueId == null) {
            return config;
        }
        ObjectNode withArn = config.get().deepCopy();
        withArn.set("Arn", references.getAtt(queueId, "Arn", properties.owner()));
        return Optional.of(withArn);
    }

    /** AWS::Events::Rule: one entry per target; a rule with only a ScheduleExpression matches no event and is skipped. */
    static List<EventRuleTarget> ruleTargets(TemplateResource resource, LocalResources references, Map<String, String> arnOwners) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        List<EventRuleTarget> rules = new ArrayList<>();
        Optional<JsonNode> pattern = properties.jsonObject("EventPattern");
        if (pattern.isEmpty()) {
            return rules;
        }
        String ruleArn = references.getAtt(resource.logicalId(), "Arn", properties.owner()).asText();
        String ruleName = ruleName(resource.ref());
        String bus = properties.optionalText("EventBusName").map(LocalResources::busName).orElse("default");
        JsonNode targets = properties.raw().path("Targets");
        for (int i = 0; i < targets.size(); i++) {
            ResourceProperties target = new ResourceProperties(properties.owner() + ": Targets[" + i + "]", targets.get(i));
            String arn = target.requiredText("Arn");
            rules.add(new EventRuleTarget(resource.logicalId(), ruleName, ruleArn, bus, pattern.get(), enabled(properties),
                    target.requiredText("Id"), arn, Optional.ofNullable(arnOwners.get(arn)), target.optionalText("Input"),
                    target.optionalText("InputPath"), target.jsonObject("InputTransformer"), target.jsonObject("RetryPolicy"),
                    target.jsonObject("DeadLetterConfig")));
        }
        return rules;
    }

    /** The Ref of a rule on a custom bus is {@code bus|name}; the name is the part after the bar. */
    private static String ruleName(String ref) {
        return ref.substring(ref.indexOf('|') + 1);
    }

    private static boolean enabled(ResourceProperties properties) {
        return !properties.optionalText("State").map("DISABLED"::equals).orElse(false) && properties.booleanOr("Enabled", true);
    }

    private static ResourceProperties eventProperties(String owner, FunctionResource.ResourceEvent event) {
        return new ResourceProperties("Resource " + owner + ": Events." + event.name(), event.properties());
    }
}
