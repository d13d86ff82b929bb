package appliance.runtime.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@code AWS::Serverless::StateMachine}: the definition from DefinitionUri (a local JSON or
 * YAML file, relative to the template) or inline Definition, with DefinitionSubstitutions applied.
 */
final class StateMachineReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of("STANDARD", "EXPRESS");
    private static final List<String> LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");
    /** Step Functions' alias names (an all-digit name would read as a version number). */
    private static final java.util.regex.Pattern ALIAS_NAME =
            java.util.regex.Pattern.compile("(?=.*[a-zA-Z_.-])[a-zA-Z0-9_.-]{1,80}");

    private StateMachineReader() {
    }

    static StateMachineResource read(TemplateResource resource, LocalResources references, Path baseDirectory) {
        ResourceProperties properties = new ResourceProperties("Resource " + resource.logicalId(), resource.properties());
        String owner = properties.owner();
        String type = properties.optionalText("Type").orElse("STANDARD");
        if (!TYPES.contains(type)) {
            throw new TemplateException(owner + ": property Type must be STANDARD or EXPRESS, got " + type);
        }
        Map<String, String> substitutions = properties.stringMap(properties.raw().get("DefinitionSubstitutions"), "DefinitionSubstitutions");
        Optional<Path> file = Optional.empty();
        String definition;
        if (properties.has("DefinitionUri") && properties.has("Definition")) {
            throw new TemplateException(owner + ": give either property Definition or DefinitionUri, not both");
        } else if (properties.has("DefinitionUri")) {
            JsonNode uri = properties.raw().get("DefinitionUri");
            if (!uri.isTextual() || uri.asText().startsWith("s3://")) {
                throw new TemplateException(owner + ": property DefinitionUri must be a local file; an S3 location " + uri + " cannot run locally");
            }
            Path path = baseDirectory.resolve(uri.asText()).normalize();
            file = Optional.of(path);
            String source = owner + ": DefinitionUri " + uri.asText();
            definition = toJson(DefinitionSubstitutions.apply(readFile(path, source), substitutions, source), path, source);
        } else if (properties.has("Definition")) {
            JsonNode inline = properties.raw().get("Definition");
            if (!inline.isObject()) {
                throw new TemplateException(owner + ": property Definition must be a map (the ASL definition)");
            }
            definition = DefinitionSubstitutions.apply(inline.toString(), substitutions, owner + ": Definition");
        } else {
            throw new TemplateException(owner + ": property DefinitionUri is missing (or give an inline Definition)");
        }
        ResourceProperties logging = properties.nested("Logging");
        Optional<String> level = logging.optionalText("Level");
        if (level.isPresent() && !LEVELS.contains(level.get())) {
            throw new TemplateException(owner + ": property Logging.Level must be one of " + LEVELS + ", got " + level.get());
        }
        Optional<String> alias = properties.optionalText("AutoPublishAlias");
        if (alias.isPresent() && !ALIAS_NAME.matcher(alias.get()).matches()) {
            throw new TemplateException(owner + ": property AutoPublishAlias must be 1 to 80 letters, digits, '_', '-'"
                    + " or '.', not all digits; got " + alias.get());
        }
        LocalResources.Identity identity = references.identity(resource.logicalId(), owner);
        return new StateMachineResource(resource.logicalId(), identity.attributes().get("Name").asText(), identity.ref().asText(), type,
                definition, file, substitutions, level, logging.booleanOr("IncludeExecutionData", false),
                properties.nested("Tracing").booleanOr("Enabled", false), FunctionReader.events(properties), alias);
    }

    private static String readFile(Path path, String source) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new TemplateException(source + ": the file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** JSON files are kept as written (after substitution); YAML ones become JSON. Either must parse. */
    private static String toJson(String text, Path path, String source) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return CloudFormationYaml.parse(text, source).toString();
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new TemplateException(source + ": the definition must be a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new TemplateException(source + ": not valid JSON after DefinitionSubstitutions: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return text;
    }
}
