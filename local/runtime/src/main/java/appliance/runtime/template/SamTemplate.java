package appliance.runtime.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAM template resolved for local running: Globals merged, Conditions applied, parameters and
 * intrinsic functions resolved to local names and ARNs (account 123456789012, us-east-1 by default).
 * Immutable. Load one with {@link #load(Path)} or {@link #load(Path, TemplateSettings)}.
 *
 * @param templateFile   the template's path, absolute
 * @param settings       the stack name, region, account and parameter overrides it was loaded with
 * @param parameters     each parameter's value as {@code !Ref} returns it (lists comma-joined)
 * @param resources      every resource kept after Conditions, by logical id, in template order
 */
public record SamTemplate(
        Path templateFile,
        TemplateSettings settings,
        Map<String, String> parameters,
        Map<String, TemplateResource> resources,
        List<FunctionResource> functions,
        List<StateMachineResource> stateMachines,
        List<TopicResource> topics,
        List<TopicSubscription> subscriptions,
        List<QueueResource> queues,
        List<EventRuleTarget> eventRules,
        Map<String, TemplateOutput> outputs) {

    public SamTemplate {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        functions = List.copyOf(functions);
        stateMachines = List.copyOf(stateMachines);
        topics = List.copyOf(topics);
        subscriptions = List.copyOf(subscriptions);
        queues = List.copyOf(queues);
        eventRules = List.copyOf(eventRules);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * A template with no resources, as Step Functions Local starts: state machines come through the API.
     *
     * @param baseDirectory the folder relative paths are resolved against (the working directory)
     */
    public static SamTemplate empty(Path baseDirectory, TemplateSettings settings) {
        return new SamTemplate(baseDirectory.toAbsolutePath().normalize().resolve("template.yaml"), settings, Map.of(),
                Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    /** Loads with the default settings (stack appliance-local, us-east-1, 123456789012, no overrides). */
    public static SamTemplate load(Path templateFile) {
        return load(templateFile, TemplateSettings.defaults());
    }

    /** @throws TemplateException naming the resource and property when the template cannot run locally */
    public static SamTemplate load(Path templateFile, TemplateSettings settings) {
        Path absolute = templateFile.toAbsolutePath().normalize();
        String text;
        try {
            text = java.nio.file.Files.readString(absolute);
        } catch (IOException e) {
            throw new TemplateException("Template " + templateFile + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return SamTemplateLoader.load(text, absolute, settings);
    }

    /** The folder relative paths (CodeUri, DefinitionUri) are resolved against. */
    public Path baseDirectory() {
        return templateFile.getParent();
    }

    public Optional<FunctionResource> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** The function an ARN names: its plain ARN, an alias or version ARN of it, or its name. */
    public Optional<FunctionResource> functionByArn(String arnOrName) {
        return functions.stream().filter(f -> f.arn().equals(arnOrName) || f.functionName().equals(arnOrName)
                || arnOrName.startsWith(f.arn() + ":")).findFirst();
    }

    public Optional<StateMachineResource> stateMachine(String logicalId) {
        return stateMachines.stream().filter(s -> s.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<StateMachineResource> stateMachineByArn(String arn) {
        return stateMachines.stream().filter(s -> s.arn().equals(arn)).findFirst();
    }

    public Optional<TopicResource> topic(String logicalId) {
        return topics.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<TopicResource> topicByArn(String arn) {
        return topics.stream().filter(t -> t.arn().equals(arn)).findFirst();
    }

    /** The subscriptions of one topic, in template order. */
    public List<TopicSubscription> subscriptionsOf(String topicArn) {
        return subscriptions.stream().filter(s -> s.topicArn().equals(topicArn)).toList();
    }

    public Optional<QueueResource> queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }
}
