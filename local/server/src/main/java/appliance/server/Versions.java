package appliance.server;

import appliance.engine.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The published versions of state machines (PublishStateMachineVersion, ListStateMachineVersions,
 * DeleteStateMachineVersion, and what DescribeStateMachine and StartExecution need of a version ARN).
 * Numbers go up from 1 per machine and are never reused, even after a version is deleted; deleting the
 * machine deletes its versions. Each change is a journal record ({@link ExecutionStore#VERSION_PUBLISHED}).
 */
final class Versions {

    /** AWS's quota of versions per state machine. */
    static final int MAX_VERSIONS = 1000;

    private final Map<String, List<MachineVersion>> byMachine = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final ExecutionStore store;
    private final Arns arns;
    private final Clock clock;

    Versions(ExecutionStore store, Arns arns, Clock clock) {
        this.store = store;
        this.arns = arns;
        this.clock = clock;
        for (ExecutionStore.CatalogRecord record : store.catalog()) {
            if (record.kind() == ExecutionStore.VERSION_PUBLISHED) {
                apply(record.row());
            }
        }
    }

    /** Replays one record: a version published, a version deleted, or all of a deleted machine's versions gone. */
    private void apply(ObjectNode row) {
        String machineArn = row.get("machine").asText();
        if (row.path("purged").asBoolean(false)) {
            byMachine.remove(machineArn);
            lastNumber.remove(machineArn);
            return;
        }
        int number = row.get("number").asInt();
        List<MachineVersion> versions = byMachine.computeIfAbsent(machineArn, arn -> new ArrayList<>());
        if (row.path("deleted").asBoolean(false)) {
            versions.removeIf(version -> version.number() == number);
            return;
        }
        StateMachineDefinition compiled;
        try {
            compiled = StateMachines.compile(row.get("definition").asText());
        } catch (RuntimeException e) {
            compiled = null; // Kept (it was published) but cannot run on this engine: starting it says so.
        }
        versions.add(new MachineVersion(arns.version(arns.qualified(machineArn).machineName(), number), machineArn,
                number, row.get("definition").asText(), row.get("role").asText(), row.get("type").asText(),
                row.hasNonNull("description") ? row.get("description").asText() : null, row.get("revision").asText(),
                Instant.ofEpochMilli(row.get("created").asLong()), compiled));
        lastNumber.merge(machineArn, number, Math::max);
    }

    private ObjectNode save(ObjectNode row) {
        StateMachines.durable(store.saveCatalog(ExecutionStore.VERSION_PUBLISHED, row));
        apply(row);
        return row;
    }

    /**
     * Publishes the machine's current revision, or returns the version already published for it.
     *
     * @param expectedRevision the revision the caller saw (null: any; {@code INITIAL}: before any version)
     * @throws ApiException ConflictException when the revision is not the current one, or
     *     ServiceQuotaExceededException past 1000 versions
     */
    synchronized MachineVersion publish(StateMachineRecord machine, String description, String expectedRevision) {
        String revision = Revisions.of(machine);
        List<MachineVersion> versions = byMachine.getOrDefault(machine.arn(), List.of());
        if (expectedRevision != null && !expectedRevision.equals(revision)
                && !(Revisions.INITIAL.equals(expectedRevision) && !lastNumber.containsKey(machine.arn()))) {
            throw new ApiException("ConflictException", "Failed to publish the State Machine version. The revisionId '"
                    + expectedRevision + "' does not match the current revisionId '" + revision + "'");
        }
        for (MachineVersion version : versions) {
            if (version.revisionId().equals(revision)) {
                return version; // AWS: publishing the same revision again returns the version it already has
            }
        }
        if (versions.size() >= MAX_VERSIONS) {
            throw new ApiException("ServiceQuotaExceededException", "Cannot publish more than " + MAX_VERSIONS
                    + " versions of the state machine '" + machine.arn() + "'; delete unused versions first");
        }
        int number = lastNumber.getOrDefault(machine.arn(), 0) + 1;
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("machine", machine.arn());
        row.put("number", number);
        row.put("definition", machine.definitionText());
        row.put("role", machine.roleArn());
        row.put("type", machine.type());
        row.put("description", description);
        row.put("revision", revision);
        row.put("created", clock.instant().toEpochMilli());
        save(row);
        return find(arns.version(machine.name(), number));
    }

    /** The version of that ARN, or null. */
    synchronized MachineVersion find(String versionArn) {
        QualifiedArn qualified = arns.qualified(versionArn);
        for (MachineVersion version : byMachine.getOrDefault(qualified.machineArn(), List.of())) {
            if (version.arn().equals(versionArn)) {
                return version;
            }
        }
        return null;
    }

    /** Its machine was deleted: so are its versions, and numbering starts again at 1 for a new machine of that name. */
    synchronized void purge(String machineArn) {
        if (byMachine.containsKey(machineArn) || lastNumber.containsKey(machineArn)) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("machine", machineArn);
            row.put("purged", true);
            save(row);
        }
    }

    ObjectNode list(Request request, StateMachines machines) {
        String machineArn = request.requiredString("stateMachineArn");
        machines.require(machineArn);
        int max = request.maxResults();
        String scope = "ListStateMachineVersions:" + machineArn;
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        List<MachineVersion> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(byMachine.getOrDefault(machineArn, List.of()));
        }
        java.util.Collections.reverse(newestFirst);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("stateMachineVersions");
        int end = (int) Math.min(newestFirst.size(), from + max);
        for (int i = (int) Math.min(from, newestFirst.size()); i < end; i++) {
            ObjectNode item = items.addObject();
            item.put("stateMachineVersionArn", newestFirst.get(i).arn());
            item.put("creationDate", EpochSeconds.of(newestFirst.get(i).creationDate()));
        }
        if (end < newestFirst.size()) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    /**
     * DeleteStateMachineVersion: succeeds for a version already gone, as AWS does.
     *
     * @param aliasesOf the ARNs of the aliases that route to a version
     * @throws ApiException ConflictException while an alias routes to the version
     */
    ObjectNode delete(Request request, Function<String, List<String>> aliasesOf) {
        String arn = request.requiredString("stateMachineVersionArn");
        if (!arns.qualified(arn).version()) {
            throw ApiException.invalidArn(arn);
        }
        synchronized (this) {
            List<String> aliases = aliasesOf.apply(arn);
            if (!aliases.isEmpty()) {
                throw new ApiException("ConflictException", "Version to be deleted must not be referenced by an alias."
                        + " Current list of aliases referencing this version: " + aliases);
            }
            MachineVersion version = find(arn);
            if (version != null) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                row.put("machine", version.machineArn());
                row.put("number", version.number());
                row.put("deleted", true);
                save(row);
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** @throws ApiException ResourceNotFound when no such version is published */
    MachineVersion require(String versionArn) {
        MachineVersion version = find(versionArn);
        if (version == null) {
            throw ApiException.resourceNotFound(versionArn);
        }
        return version;
    }
}
