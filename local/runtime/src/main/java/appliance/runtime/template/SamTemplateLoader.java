package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns template text into a {@link SamTemplate}, in the order CloudFormation and SAM work: parameters,
 * conditions (resources whose Condition is false are dropped), Globals, then intrinsic functions, then
 * the typed views of functions, state machines, topics, queues and rules, then Outputs.
 */
final class SamTemplateLoader {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private SamTemplateLoader() {
    }

    static SamTemplate load(String text, Path templateFile, TemplateSettings settings) {
        String source = templateFile.getFileName() == null ? templateFile.toString() : templateFile.getFileName().toString();
        JsonNode root = CloudFormationYaml.parse(text, source);
        JsonNode resourcesSection = root.get("Resources");
        if (resourcesSection == null || !resourcesSection.isObject() || resourcesSection.isEmpty()) {
            throw new TemplateException(source + ": the Resources section is missing or empty");
        }
        checkTransform(root, resourcesSection);

        Map<String, JsonNode> parameters = TemplateParameters.resolve(root.get("Parameters"), settings.parameterOverrides());
        IntrinsicResolver resolver = new IntrinsicResolver(parameters, new PseudoParameters(settings), root.get("Conditions"), root.get("Mappings"));
        // Evaluate every condition up front, so a broken condition is reported even when no resource uses it.
        root.path("Conditions").fieldNames().forEachRemaining(name -> resolver.condition(name, "Conditions"));

        GlobalsMerger globals = new GlobalsMerger(root.get("Globals"));
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : resourcesSection.properties()) {
            String logicalId = entry.getKey();
            JsonNode resource = entry.getValue();
            if (!resource.isObject()) {
                throw new TemplateException("Resource " + logicalId + ": must be a map with Type and Properties");
            }
            if (!resource.path("Type").isTextual()) {
                throw new TemplateException("Resource " + logicalId + ": Type is missing");
            }
            if (resource.has("Condition") && !resolver.condition(resource.get("Condition").asText(), "Resource " + logicalId + ": Condition")) {
                dropped.put(logicalId, resource.get("Condition").asText());
                continue;
            }
            kept.put(logicalId, globals.mergeInto(resource));
        }

        LocalArns arns = new LocalArns(settings);
        LocalResources references = new LocalResources(kept, dropped, arns, resolver);
        resolver.useResources(references);

        Map<String, TemplateResource> resources = new LinkedHashMap<>();
        kept.forEach((logicalId, resource) -> {
            JsonNode properties = resolver.resolve(resource.path("Properties").isMissingNode() ? null : resource.get("Properties"), "Resource " + logicalId);
            JsonNode ref = references.ref(logicalId, "Resource " + logicalId);
            resources.put(logicalId, new TemplateResource(logicalId, resource.get("Type").asText(),
                    properties == null ? JsonNodeFactory.instance.objectNode() : properties, ref.asText()));
        });

        Path baseDirectory = templateFile.getParent();
        List<FunctionResource> functions = new ArrayList<>();
        List<StateMachineResource> stateMachines = new ArrayList<>();
        List<TopicResource> topics = new ArrayList<>();
        List<QueueResource> queues = new ArrayList<>();
        List<TopicSubscription> subscriptions = new ArrayList<>();
        List<EventRuleTarget> rules = new ArrayList<>();
        for (TemplateResource resource : resources.values()) {
            switch (resource.type()) {
                case "AWS::Serverless::Function" -> functions.add(FunctionReader.read(resource, references, baseDirectory));
                case "AWS::Serverless::StateMachine" -> stateMachines.add(StateMachineReader.read(resource, references, baseDirectory));
                case "AWS::SNS::Topic" -> topics.add(SnsReader.topic(resource, references));
                case "AWS::SQS::Queue" -> {
                    LocalResources.Identity identity = references.identity(resource.logicalId(), "Resource " + resource.logicalId());
                    queues.add(new QueueResource(resource.logicalId(), identity.attributes().get("QueueName").asText(),
                            identity.ref().asText(), identity.attributes().get("Arn").asText()));
                }
                default -> {
                }
            }
        }
        for (String queueId : references.generatedQueues()) {
            LocalResources.Identity identity = references.identity(queueId, "Resource " + queueId);
            queues.add(new QueueResource(queueId, identity.attributes().get("QueueName").asText(), identity.ref().asText(),
                    identity.attributes().get("Arn").asText()));
        }
        for (TemplateResource resource : resources.values()) {
            switch (resource.type()) {
                case "AWS::SNS::Topic" -> subscriptions.addAll(SnsReader.topicSubscriptions(resource, references));
                case "AWS::SNS::Subscription" -> subscriptions.add(SnsReader.subscription(resource));
                default -> {
                }
            }
        }
        Map<String, String> arnOwners = arnOwners(functions, stateMachines, topics, queues);
        for (FunctionResource function : functions) {
            subscriptions.addAll(EventSources.snsSubscriptions(function));
            rules.addAll(EventSources.functionRules(function, references));
        }
        for (StateMachineResource stateMachine : stateMachines) {
            rules.addAll(EventSources.stateMachineRules(stateMachine, references));
        }
        for (TemplateResource resource : resources.values()) {
            if (resource.type().equals("AWS::Events::Rule")) {
                rules.addAll(EventSources.ruleTargets(resource, references, arnOwners));
            }
        }

        Map<String, TemplateOutput> outputs = outputs(root.get("Outputs"), resolver);
        Map<String, String> parameterValues = new LinkedHashMap<>();
        parameters.forEach((name, value) -> parameterValues.put(name, new TemplateOutput(name, value, Optional.empty(), Optional.empty()).text()));
        return new SamTemplate(templateFile, settings, parameterValues, resources, functions, stateMachines, topics, subscriptions, queues, rules, outputs);
    }

    private static void checkTransform(JsonNode root, JsonNode resources) {
        List<String> transforms = new ArrayList<>();
        JsonNode transform = root.get("Transform");
        if (transform != null && transform.isArray()) {
            transform.forEach(t -> transforms.add(t.asText()));
        } else if (transform != null) {
            transforms.add(transform.asText());
        }
        for (String name : transforms) {
            if (!name.equals(SAM_TRANSFORM)) {
                throw new TemplateException("Transform: " + name + " is not supported by the local runtime (only " + SAM_TRANSFORM + ")");
            }
        }
        if (!transforms.contains(SAM_TRANSFORM)) {
            for (Map.Entry<String, JsonNode> entry : resources.properties()) {
                if (entry.getValue().path("Type").asText().startsWith("AWS::Serverless::")) {
                    throw new TemplateException("Resource " + entry.getKey() + ": " + entry.getValue().path("Type").asText()
                            + " needs 'Transform: " + SAM_TRANSFORM + "' at the top of the template");
                }
            }
        }
    }

    /** Which logical id an ARN belongs to, so an AWS::Events::Rule target can be traced to its resource. */
    private static Map<String, String> arnOwners(List<FunctionResource> functions, List<StateMachineResource> stateMachines,
                                                 List<TopicResource> topics, List<QueueResource> queues) {
        Map<String, String> owners = new LinkedHashMap<>();
        functions.forEach(f -> {
            owners.put(f.arn(), f.logicalId());
            f.aliasArn().ifPresent(alias -> owners.put(alias, f.logicalId()));
        });
        stateMachines.forEach(s -> owners.put(s.arn(), s.logicalId()));
        topics.forEach(t -> owners.put(t.arn(), t.logicalId()));
        queues.forEach(q -> owners.put(q.arn(), q.logicalId()));
        return owners;
    }

    private static Map<String, TemplateOutput> outputs(JsonNode section, IntrinsicResolver resolver) {
        Map<String, TemplateOutput> outputs = new LinkedHashMap<>();
        if (section == null || section.isNull()) {
            return outputs;
        }
        for (Map.Entry<String, JsonNode> entry : section.properties()) {
            String where = "Output " + entry.getKey();
            JsonNode output = entry.getValue();
            if (output.has("Condition") && !resolver.condition(output.get("Condition").asText(), where + ": Condition")) {
                continue;
            }
            if (!output.has("Value")) {
                throw new TemplateException(where + ": Value is missing");
            }
            JsonNode value = resolver.resolve(output.get("Value"), where);
            Optional<String> description = output.has("Description") ? Optional.of(resolver.resolve(output.get("Description"), where).asText()) : Optional.empty();
            Optional<String> export = output.path("Export").has("Name") ? Optional.of(resolver.resolve(output.get("Export").get("Name"), where).asText()) : Optional.empty();
            outputs.put(entry.getKey(), new TemplateOutput(entry.getKey(), value, description, export));
        }
        return outputs;
    }
}
