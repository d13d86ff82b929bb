package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code !Ref} and {@code !GetAtt} return for each resource locally, as Step Functions Local and
 * CloudFormation name things: a resource's physical name is its name property (FunctionName, TopicName,
 * ...) or, locally, its logical id. Also knows SAM's generated resources ({@code FnRole},
 * {@code FnAliaslive}, the rule of an EventBridgeRule event) and SAM's {@code Fn.Alias}/{@code Fn.Version}
 * references. Unknown types stay opaque: their Ref is the logical id.
 */
final class LocalResources implements ResourceReferences {

    /** The value of {@code !Ref} and the {@code !GetAtt} attributes of one resource. */
    record Identity(String type, JsonNode ref, Map<String, JsonNode> attributes) {
    }

    private final Map<String, JsonNode> declared;
    private final Map<String, GeneratedResource> generated;
    private final LocalArns arns;
    private final IntrinsicResolver resolver;
    private final Map<String, Identity> identities = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** A resource SAM adds when it transforms the template. */
    private record GeneratedResource(String type, String owner, String name, String eventBus) {
    }

    /** Resources left out because their Condition is false, with that condition's name. */
    private final Map<String, String> dropped;

    LocalResources(Map<String, JsonNode> declared, Map<String, String> dropped, LocalArns arns, IntrinsicResolver resolver) {
        this.declared = declared;
        this.dropped = dropped;
        this.arns = arns;
        this.resolver = resolver;
        this.generated = new LinkedHashMap<>();
        declared.forEach(this::addGenerated);
    }

    private void addGenerated(String logicalId, JsonNode resource) {
        String type = resource.path("Type").asText();
        JsonNode properties = resource.path("Properties");
        boolean function = type.equals("AWS::Serverless::Function");
        boolean stateMachine = type.equals("AWS::Serverless::StateMachine");
        if ((function || stateMachine) && !properties.has("Role")) {
            generated.put(logicalId + "Role", new GeneratedResource("AWS::IAM::Role", logicalId, logicalId + "Role", null));
        }
        if (function && properties.path("AutoPublishAlias").isTextual()) {
            String alias = properties.get("AutoPublishAlias").asText();
            generated.put(logicalId + "Alias" + alias, new GeneratedResource("AWS::Lambda::Alias", logicalId, alias, null));
        }
        if (function || stateMachine) {
            for (Map.Entry<String, JsonNode> event : properties.path("Events").properties()) {
                String eventType = event.getValue().path("Type").asText();
                if (eventType.equals("EventBridgeRule") || eventType.equals("CloudWatchEvent") || eventType.equals("Schedule")) {
                    String ruleId = logicalId + event.getKey();
                    JsonNode eventProperties = event.getValue().path("Properties");
                    String name = eventProperties.path("RuleName").asText(eventProperties.path("Name").asText(ruleId));
                    String bus = eventProperties.path("EventBusName").isTextual() ? eventProperties.get("EventBusName").asText() : "default";
                    generated.put(ruleId, new GeneratedResource("AWS::Events::Rule", logicalId, name, bus));
                    String queueId = deadLetterQueueId(ruleId, eventProperties);
                    if (queueId != null) {
                        generated.put(queueId, new GeneratedResource("AWS::SQS::Queue", logicalId, queueId, null));
                    }
                }
            }
        }
    }

    /**
     * SAM creates a dead-letter queue for a rule event whose DeadLetterConfig gives a Type and no Arn,
     * named by QueueLogicalId or {@code <RuleLogicalId>Queue}; null when SAM creates none.
     */
    static String deadLetterQueueId(String ruleId, JsonNode eventProperties) {
        JsonNode config = eventProperties.path("DeadLetterConfig");
        if (!config.has("Type") || config.has("Arn")) {
            return null;
        }
        return config.path("QueueLogicalId").isTextual() ? config.get("QueueLogicalId").asText() : ruleId + "Queue";
    }

    /** The logical ids of the queues SAM generates (rule dead-letter queues), in template order. */
    List<String> generatedQueues() {
        return generated.entrySet().stream().filter(e -> e.getValue().type().equals("AWS::SQS::Queue")).map(Map.Entry::getKey).toList();
    }

    @Override
    public boolean has(String logicalId) {
        return declared.containsKey(logicalId) || generated.containsKey(logicalId);
    }

    @Override
    public JsonNode ref(String logicalId, String where) {
        int dot = logicalId.indexOf('.');
        if (dot > 0) {
            return samReference(logicalId.substring(0, dot), logicalId.substring(dot + 1), where);
        }
        if (!has(logicalId)) {
            throw new TemplateException(where + ": !Ref " + logicalId + ": " + missing(logicalId, "no parameter or resource "));
        }
        return identity(logicalId, where).ref();
    }

    @Override
    public JsonNode getAtt(String logicalId, String attribute, String where) {
        String call = where + ": !GetAtt " + logicalId + "." + attribute;
        if (!has(logicalId)) {
            throw new TemplateException(call + ": " + missing(logicalId, "no resource "));
        }
        Identity identity = identity(logicalId, where);
        JsonNode value = identity.attributes().get(attribute);
        if (value == null) {
            throw new TemplateException(call + ": " + identity.type() + " has no attribute " + attribute + " locally"
                    + (identity.attributes().isEmpty() ? "" : " (it has: " + String.join(", ", identity.attributes().keySet()) + ")"));
        }
        return value;
    }

    private String missing(String logicalId, String nothing) {
        String condition = dropped.get(logicalId);
        return condition == null ? nothing + logicalId
                : "resource " + logicalId + " is not created, as its Condition " + condition + " is false (guard this with !If " + condition + ")";
    }

    /** SAM's {@code !Ref Function.Alias} and {@code !Ref Function.Version}. */
    private JsonNode samReference(String logicalId, String suffix, String where) {
        String call = where + ": !Ref " + logicalId + "." + suffix;
        JsonNode resource = declared.get(logicalId);
        if (resource == null) {
            throw new TemplateException(call + ": no resource " + logicalId);
        }
        if (!resource.path("Type").asText().equals("AWS::Serverless::Function") || !(suffix.equals("Alias") || suffix.equals("Version"))) {
            throw new TemplateException(call + ": only an AWS::Serverless::Function has the .Alias and .Version references");
        }
        JsonNode alias = resource.path("Properties").get("AutoPublishAlias");
        if (alias == null) {
            throw new TemplateException(call + ": function " + logicalId + " has no AutoPublishAlias");
        }
        String name = functionName(logicalId);
        if (suffix.equals("Version")) {
            // Locally every function has exactly one published version.
            return TextNode.valueOf(arns.qualifiedFunction(name, "1"));
        }
        return TextNode.valueOf(arns.qualifiedFunction(name, text(resolver.resolve(alias, "Resource " + logicalId), logicalId, "AutoPublishAlias")));
    }

    /** The physical name of a function (FunctionName or the logical id), which is what its Ref returns. */
    String functionName(String logicalId) {
        return identity(logicalId, "Resource " + logicalId).ref().asText();
    }

    Identity identity(String logicalId, String where) {
        Identity known = identities.get(logicalId);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(logicalId)) {
            throw new TemplateException(where + ": resource " + logicalId + " refers to itself through its name");
        }
        try {
            Identity identity = declared.containsKey(logicalId) ? declaredIdentity(logicalId, declared.get(logicalId)) : generatedIdentity(logicalId);
            identities.put(logicalId, identity);
            return identity;
        } finally {
            inProgress.remove(logicalId);
        }
    }

    private Identity generatedIdentity(String logicalId) {
        GeneratedResource resource = generated.get(logicalId);
        return switch (resource.type()) {
            case "AWS::IAM::Role" -> role(resource.name());
            case "AWS::Lambda::Alias" -> {
                String arn = arns.qualifiedFunction(functionName(resource.owner()), resource.name());
                yield new Identity(resource.type(), TextNode.valueOf(arn), Map.of("Arn", TextNode.valueOf(arn)));
            }
            case "AWS::SQS::Queue" -> {
                String url = arns.queueUrl(resource.name());
                yield new Identity(resource.type(), TextNode.valueOf(url),
                        attributes("Arn", arns.queue(resource.name()), "QueueName", resource.name(), "QueueUrl", url));
            }
            default -> rule(resource.eventBus(), resource.name());
        };
    }

    private Identity declaredIdentity(String logicalId, JsonNode resource) {
        String type = resource.path("Type").asText();
        JsonNode properties = resource.path("Properties");
        switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function": {
                String name = name(logicalId, properties, "FunctionName");
                String arn = arns.function(name);
                // Lambda has no Name attribute: the name is what Ref returns.
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arn));
            }
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine": {
                String name = name(logicalId, properties, type.equals("AWS::Serverless::StateMachine") ? "Name" : "StateMachineName");
                String arn = arns.stateMachine(name);
                return new Identity(type, TextNode.valueOf(arn), attributes("Arn", arn, "Name", name));
            }
            case "AWS::SNS::Topic": {
                String name = name(logicalId, properties, "TopicName");
                if (properties.path("FifoTopic").asBoolean(false) && !name.endsWith(".fifo")) {
                    name = name + ".fifo";
                }
                String arn = arns.topic(name);
                return new Identity(type, TextNode.valueOf(arn), attributes("TopicArn", arn, "TopicName", name));
            }
            case "AWS::SNS::Subscription": {
                String topicArn = properties.has("TopicArn") ? text(resolver.resolve(properties.get("TopicArn"), "Resource " + logicalId), logicalId, "TopicArn") : logicalId;
                String arn = topicArn + ":" + LocalArns.stableId("subscription", logicalId);
                return new Identity(type, TextNode.valueOf(arn), attributes("Arn", arn));
            }
            case "AWS::SQS::Queue": {
                String name = name(logicalId, properties, "QueueName");
                if (properties.path("FifoQueue").asBoolean(false) && !name.endsWith(".fifo")) {
                    name = name + ".fifo";
                }
                String url = arns.queueUrl(name);
                return new Identity(type, TextNode.valueOf(url), attributes("Arn", arns.queue(name), "QueueName", name, "QueueUrl", url));
            }
            case "AWS::Logs::LogGroup": {
                String name = name(logicalId, properties, "LogGroupName");
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arns.logGroup(name)));
            }
            case "AWS::KMS::Key": {
                String keyId = LocalArns.stableId("kms", logicalId);
                return new Identity(type, TextNode.valueOf(keyId), attributes("Arn", arns.kmsKey(keyId), "KeyId", keyId));
            }
            case "AWS::KMS::Alias": {
                String name = name(logicalId, properties, "AliasName");
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arns.kmsAlias(name)));
            }
            case "AWS::Events::Rule": {
                String bus = properties.has("EventBusName") ? busName(text(resolver.resolve(properties.get("EventBusName"), "Resource " + logicalId), logicalId, "EventBusName")) : "default";
                return rule(bus, name(logicalId, properties, "Name"));
            }
            case "AWS::Events::EventBus": {
                String name = name(logicalId, properties, "Name");
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arns.eventBus(name), "Name", name));
            }
            case "AWS::IAM::Role":
                return role(name(logicalId, properties, "RoleName"));
            case "AWS::IAM::ManagedPolicy": {
                String arn = arns.managedPolicy(name(logicalId, properties, "ManagedPolicyName"));
                return new Identity(type, TextNode.valueOf(arn), attributes("PolicyArn", arn));
            }
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable": {
                String name = name(logicalId, properties, "TableName");
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arns.table(name)));
            }
            case "AWS::S3::Bucket": {
                String name = name(logicalId, properties, "BucketName");
                return new Identity(type, TextNode.valueOf(name), attributes("Arn", arns.bucket(name), "DomainName", name + ".s3.amazonaws.com"));
            }
            default:
                return new Identity(type, TextNode.valueOf(logicalId), Map.of());
        }
    }

    private Identity role(String name) {
        String arn = arns.role(name);
        return new Identity("AWS::IAM::Role", TextNode.valueOf(name),
                attributes("Arn", arn, "RoleId", "AROA" + LocalArns.stableId("role", name).replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT)));
    }

    private Identity rule(String bus, String name) {
        // CloudFormation: Ref of a rule on a custom bus is "bus|name".
        String ref = bus.equals("default") ? name : bus + "|" + name;
        return new Identity("AWS::Events::Rule", TextNode.valueOf(ref), attributes("Arn", arns.rule(bus, name)));
    }

    /** An EventBusName may be a name or an ARN ({@code arn:...:event-bus/NAME}). */
    static String busName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private String name(String logicalId, JsonNode properties, String property) {
        JsonNode value = properties.get(property);
        if (value == null) {
            return logicalId;
        }
        JsonNode resolved = resolver.resolve(value, "Resource " + logicalId);
        return resolved.isMissingNode() ? logicalId : text(resolved, logicalId, property);
    }

    private static String text(JsonNode value, String logicalId, String property) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new TemplateException("Resource " + logicalId + ": property " + property + " must be a string, got " + value);
        }
        return value.asText();
    }

    private static Map<String, JsonNode> attributes(String... namesAndValues) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], JsonNodeFactory.instance.textNode(namesAndValues[i + 1]));
        }
        return attributes;
    }
}
