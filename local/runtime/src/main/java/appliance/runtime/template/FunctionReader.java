package appliance.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an {@code AWS::Serverless::Function}'s resolved properties into a {@link FunctionResource}. */
final class FunctionReader {

    private static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");

    private FunctionReader() {
    }

    static FunctionResource read(TemplateResource resource, LocalResources references, Path baseDirectory) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        String name = references.functionName(resource.logicalId());
        if (properties.has("InlineCode")) {
            throw new TemplateException(properties.owner() + ": property InlineCode is not supported for Java functions; use CodeUri");
        }
        if (properties.optionalText("PackageType").map("Image"::equals).orElse(false)) {
            throw new TemplateException(properties.owner() + ": property PackageType Image is not supported locally; use Zip with CodeUri");
        }
        String handler = properties.requiredText("Handler");
        String runtime = properties.requiredText("Runtime");
        Path codeUri = codeUri(properties, baseDirectory);
        int memory = properties.intOr("MemorySize", 128);
        if (memory < 128 || memory > 10240) {
            throw new TemplateException(properties.owner() + ": property MemorySize must be between 128 and 10240 MB, got " + memory);
        }
        int timeout = properties.intOr("Timeout", 3);
        if (timeout < 1 || timeout > 900) {
            throw new TemplateException(properties.owner() + ": property Timeout must be between 1 and 900 seconds, got " + timeout);
        }
        List<String> architectures = properties.stringList("Architectures", List.of("x86_64"));
        if (architectures.size() != 1) {
            // SAM appends a resource's list to the Globals list, so [arm64] in Globals plus [x86_64] here is
            // two architectures, which Lambda rejects at deploy time.
            throw new TemplateException(properties.owner() + ": property Architectures must name exactly one of x86_64 or arm64, got "
                    + architectures + " (SAM appends a function's list to the one in Globals)");
        }
        for (String architecture : architectures) {
            if (!ARCHITECTURES.contains(architecture)) {
                throw new TemplateException(properties.owner() + ": property Architectures: '" + architecture + "' is not x86_64 or arm64");
            }
        }
        Map<String, String> environment = properties.stringMap(properties.nested("Environment").raw().get("Variables"), "Environment.Variables");
        Optional<String> alias = properties.optionalText("AutoPublishAlias");
        String arn = references.getAtt(resource.logicalId(), "Arn", properties.owner()).asText();
        Optional<String> aliasArn = alias.map(a -> arn + ":" + a);
        ResourceProperties logging = properties.nested("LoggingConfig");
        String logFormat = logging.optionalText("LogFormat").orElse("Text");
        if (!logFormat.equals("Text") && !logFormat.equals("JSON")) {
            throw new TemplateException(properties.owner() + ": property LoggingConfig.LogFormat must be Text or JSON, got " + logFormat);
        }
        String logGroup = logging.optionalText("LogGroup").orElse("/aws/lambda/" + name);
        boolean snapStart = properties.nested("SnapStart").optionalText("ApplyOn").map("PublishedVersions"::equals).orElse(false);
        return new FunctionResource(resource.logicalId(), name, arn, handler, runtime, codeUri, memory, timeout, architectures,
                environment, properties.optionalInt("ReservedConcurrentExecutions"), alias, aliasArn, logFormat, logGroup, snapStart,
                events(properties));
    }

    private static Path codeUri(ResourceProperties properties, Path baseDirectory) {
        JsonNode value = properties.raw().get("CodeUri");
        if (value == null || value.isNull()) {
            throw new TemplateException(properties.owner() + ": property CodeUri is missing");
        }
        if (!value.isTextual()) {
            throw new TemplateException(properties.owner() + ": property CodeUri must be a local folder; an S3 location " + value + " cannot run locally");
        }
        if (value.asText().startsWith("s3://")) {
            throw new TemplateException(properties.owner() + ": property CodeUri must be a local folder; " + value.asText() + " is in S3");
        }
        return baseDirectory.resolve(value.asText()).normalize();
    }

    /** The Events map of a function or state machine: each entry needs a Type. */
    static Map<String, FunctionResource.ResourceEvent> events(ResourceProperties properties) {
        Map<String, FunctionResource.ResourceEvent> events = new LinkedHashMap<>();
        JsonNode section = properties.raw().get("Events");
        if (section == null || section.isNull()) {
            return events;
        }
        if (!section.isObject()) {
            throw new TemplateException(properties.owner() + ": property Events must be a map of event names to events");
        }
        for (Map.Entry<String, JsonNode> entry : section.properties()) {
            JsonNode type = entry.getValue().get("Type");
            if (type == null || !type.isTextual()) {
                throw new TemplateException(properties.owner() + ": property Events." + entry.getKey() + ".Type is missing");
            }
            JsonNode eventProperties = entry.getValue().path("Properties");
            events.put(entry.getKey(), new FunctionResource.ResourceEvent(entry.getKey(), type.asText(),
                    eventProperties.isMissingNode() ? JsonNodeFactory.instance.objectNode() : eventProperties));
        }
        return events;
    }
}
