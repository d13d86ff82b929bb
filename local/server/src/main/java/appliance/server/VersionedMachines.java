package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The state machine actions that know versions, aliases and tags: Create, Update, Describe and
 * DeleteStateMachine as {@link StateMachines} answers them, with {@code publish}, {@code versionDescription},
 * {@code tags}, revision ids and version ARNs added; and which machine, version and alias a
 * StartExecution's ARN names.
 */
final class VersionedMachines {

    private final StateMachines machines;
    private final Versions versions;
    private final Aliases aliases;
    private final Tags tags;
    private final SplittableRandom routing = new SplittableRandom();

    /** @param activityExists whether an activity of that ARN exists (for its tags) */
    VersionedMachines(ExecutionStore store, StateMachines machines, Predicate<String> activityExists, Clock clock) {
        this.machines = machines;
        this.versions = new Versions(store, machines.arns(), clock);
        this.aliases = new Aliases(store, machines.arns(), versions, clock);
        this.tags = new Tags(store, machines.arns(), arn -> machines.find(arn) != null || activityExists.test(arn));
    }

    /**
     * The actions answered here: the versions, aliases and tags actions, and Create, Update, Describe and
     * DeleteStateMachine in place of {@link StateMachines}' own (which these call).
     */
    Map<String, Function<Request, ObjectNode>> actions() {
        Map<String, Function<Request, ObjectNode>> actions = new java.util.LinkedHashMap<>();
        actions.put("CreateStateMachine", this::create);
        actions.put("UpdateStateMachine", this::update);
        actions.put("DescribeStateMachine", this::describe);
        actions.put("DeleteStateMachine", this::delete);
        actions.put("PublishStateMachineVersion", this::publish);
        actions.put("ListStateMachineVersions", this::listVersions);
        actions.put("DeleteStateMachineVersion", this::deleteVersion);
        actions.put("CreateStateMachineAlias", this::createAlias);
        actions.put("DescribeStateMachineAlias", aliases::describe);
        actions.put("ListStateMachineAliases", this::listAliases);
        actions.put("UpdateStateMachineAlias", aliases::update);
        actions.put("DeleteStateMachineAlias", aliases::delete);
        actions.put("TagResource", tags::tag);
        actions.put("UntagResource", tags::untag);
        actions.put("ListTagsForResource", tags::list);
        return actions;
    }

    Versions versions() {
        return versions;
    }

    Aliases aliases() {
        return aliases;
    }

    Tags tags() {
        return tags;
    }

    ObjectNode create(Request request) {
        JsonNode tagList = request.get("tags");
        Map<String, String> added = tagList == null || tagList.isNull() ? Map.of() : Tags.read(tagList);
        boolean publish = publishRequested(request);
        String versionDescription = request.optionalString("versionDescription", 256);
        ObjectNode response = machines.create(request);
        String arn = response.get("stateMachineArn").asText();
        if (!added.isEmpty()) {
            tags.add(arn, added);
        }
        if (publish) {
            response.put("stateMachineVersionArn", versions.publish(machines.require(arn), versionDescription, null).arn());
        }
        return response;
    }

    ObjectNode update(Request request) {
        boolean publish = publishRequested(request);
        String versionDescription = request.optionalString("versionDescription", 256);
        String arn = request.requiredString("stateMachineArn");
        ObjectNode response = machines.update(request);
        StateMachineRecord machine = machines.require(arn);
        response.put("revisionId", Revisions.of(machine));
        if (publish) {
            response.put("stateMachineVersionArn", versions.publish(machine, versionDescription, null).arn());
        }
        return response;
    }

    /** AWS: a versionDescription without publish is refused. */
    private static boolean publishRequested(Request request) {
        boolean publish = request.optionalBoolean("publish", false);
        if (!publish && request.optionalString("versionDescription") != null) {
            throw ApiException.validation("Version description can only be set when publish is true");
        }
        return publish;
    }

    /** DescribeStateMachine: a version ARN describes that version (its definition, revision and description). */
    ObjectNode describe(Request request) {
        String arn = request.requiredString("stateMachineArn");
        QualifiedArn qualified = machines.arns().qualified(arn);
        if (qualified.alias()) {
            throw ApiException.invalidArn(arn);
        }
        StateMachineRecord machine = machines.require(qualified.machineArn());
        ObjectNode described = machines.describe(new Request(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("stateMachineArn", machine.arn())));
        if (qualified.unqualified()) {
            described.put("revisionId", Revisions.of(machine));
            return described;
        }
        MachineVersion version = versions.find(arn);
        if (version == null) {
            throw ApiException.stateMachineDoesNotExist(arn);
        }
        described.put("stateMachineArn", version.arn());
        described.put("definition", version.definitionText());
        described.put("roleArn", version.roleArn());
        described.put("type", version.type());
        described.put("creationDate", EpochSeconds.of(version.creationDate()));
        described.put("revisionId", version.revisionId());
        if (version.description() != null) {
            described.put("description", version.description());
        }
        return described;
    }

    /** DeleteStateMachine: its versions, aliases and tags go too; a version or alias ARN is refused, as AWS does. */
    ObjectNode delete(Request request) {
        String arn = request.requiredString("stateMachineArn");
        QualifiedArn qualified = machines.arns().qualified(arn);
        if (!qualified.unqualified()) {
            throw ApiException.validation("Deleting a state machine version or alias through DeleteStateMachine is not"
                    + " supported: use DeleteStateMachineVersion or DeleteStateMachineAlias ('" + arn + "')");
        }
        ObjectNode response = machines.delete(request);
        aliases.purge(arn);
        versions.purge(arn);
        tags.forget(arn);
        return response;
    }

    /** Publishes the current definition (idempotent) and points the alias, made if missing, at that version alone. */
    String publishAlias(String machineArn, String aliasName) {
        MachineVersion version = versions.publish(machines.require(machineArn), null, null);
        ObjectNode route = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("stateMachineVersionArn", version.arn()).put("weight", 100);
        String aliasArn = machines.arns().alias(machines.arns().qualified(machineArn).machineName(), aliasName);
        ObjectNode request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        request.putArray("routingConfiguration").add(route);
        try {
            aliases.require(aliasArn);
            request.put("stateMachineAliasArn", aliasArn);
            aliases.update(new Request(request));
        } catch (ApiException e) {
            if (!"ResourceNotFound".equals(e.code())) {
                throw e;
            }
            request.put("name", aliasName);
            aliases.create(new Request(request), machines);
        }
        return aliasArn;
    }

    ObjectNode publish(Request request) {
        String arn = request.requiredString("stateMachineArn");
        String description = request.optionalString("description", 256);
        String revision = request.optionalString("revisionId");
        MachineVersion version = versions.publish(machines.require(arn), description, revision);
        ObjectNode response = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        response.put("creationDate", EpochSeconds.of(version.creationDate()));
        response.put("stateMachineVersionArn", version.arn());
        return response;
    }

    ObjectNode listVersions(Request request) {
        return versions.list(request, machines);
    }

    ObjectNode deleteVersion(Request request) {
        return versions.delete(request, aliases::routingTo);
    }

    ObjectNode createAlias(Request request) {
        return aliases.create(request, machines);
    }

    ObjectNode listAliases(Request request) {
        return aliases.list(request, machines);
    }

    /**
     * What a StartExecution's ARN names: the machine, one of its versions, or an alias (which picks one
     * of its versions by weight, at random per execution).
     *
     * @throws ApiException InvalidArn, or StateMachineDoesNotExist for a machine, version or alias that does not exist
     */
    StartTarget resolve(String arn) {
        QualifiedArn qualified = machines.arns().qualified(arn);
        if (qualified.unqualified()) {
            return new StartTarget(machines.require(arn), null, null);
        }
        StateMachineRecord machine = machines.require(qualified.machineArn());
        String versionArn = arn;
        String aliasArn = null;
        if (qualified.alias()) {
            MachineAlias alias;
            try {
                alias = aliases.require(arn);
            } catch (ApiException e) {
                throw ApiException.stateMachineDoesNotExist(arn);
            }
            aliasArn = arn;
            int percentile;
            synchronized (routing) {
                percentile = routing.nextInt(100);
            }
            versionArn = alias.pick(percentile);
        }
        MachineVersion version = versions.find(versionArn);
        if (version == null) {
            throw ApiException.stateMachineDoesNotExist(versionArn);
        }
        if (version.definition() == null) {
            throw new ApiException("InvalidDefinition", "The version '" + versionArn + "' has a definition this engine"
                    + " does not accept");
        }
        return new StartTarget(version.asRun(machine), versionArn, aliasArn);
    }

    /** For an ARN that names a version or alias, whether an execution was started by it; for a machine ARN, all are. */
    Predicate<StoredExecution> startedBy(String arn) {
        QualifiedArn qualified = machines.arns().qualified(arn);
        if (qualified.unqualified()) {
            return execution -> true;
        }
        Function<StoredExecution, String> field = qualified.alias() ? StoredExecution::aliasArn : StoredExecution::versionArn;
        return execution -> arn.equals(field.apply(execution));
    }
}
