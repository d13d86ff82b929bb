package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * State machine aliases (Create, Describe, List, Update and DeleteStateMachineAlias): each routes to one
 * or two published versions of one machine, with weights that add up to 100. Deleting the machine
 * deletes its aliases. Each change is a journal record ({@link ExecutionStore#ALIAS_WRITTEN},
 * {@link ExecutionStore#ALIAS_DELETED}).
 */
final class Aliases {

    /** AWS's quota of aliases per state machine. */
    static final int MAX_ALIASES = 100;
    /** AWS's alias names: letters, digits, {@code _ - .}, at least one of them no digit (else it reads as a version). */
    private static final Pattern NAME = Pattern.compile("(?=.*[a-zA-Z_.-])[a-zA-Z0-9_.-]+");

    private final Map<String, MachineAlias> byArn = new LinkedHashMap<>();
    private final ExecutionStore store;
    private final Arns arns;
    private final Versions versions;
    private final Clock clock;

    Aliases(ExecutionStore store, Arns arns, Versions versions, Clock clock) {
        this.store = store;
        this.arns = arns;
        this.versions = versions;
        this.clock = clock;
        for (ExecutionStore.CatalogRecord record : store.catalog()) {
            if (record.kind() == ExecutionStore.ALIAS_WRITTEN) {
                MachineAlias alias = read(record.row());
                byArn.put(alias.arn(), alias);
            } else if (record.kind() == ExecutionStore.ALIAS_DELETED) {
                byArn.remove(record.row().get("arn").asText());
            }
        }
    }

    private static MachineAlias read(ObjectNode row) {
        List<MachineAlias.Route> routes = new ArrayList<>();
        for (JsonNode route : row.get("routes")) {
            routes.add(new MachineAlias.Route(route.get("version").asText(), route.get("weight").asInt()));
        }
        return new MachineAlias(row.get("arn").asText(), row.get("machine").asText(), row.get("name").asText(),
                row.hasNonNull("description") ? row.get("description").asText() : null, List.copyOf(routes),
                Instant.ofEpochMilli(row.get("created").asLong()), Instant.ofEpochMilli(row.get("updated").asLong()));
    }

    private void write(MachineAlias alias) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("arn", alias.arn());
        row.put("machine", alias.machineArn());
        row.put("name", alias.name());
        row.put("description", alias.description());
        ArrayNode routes = row.putArray("routes");
        for (MachineAlias.Route route : alias.routes()) {
            routes.addObject().put("version", route.versionArn()).put("weight", route.weight());
        }
        row.put("created", alias.creationDate().toEpochMilli());
        row.put("updated", alias.updateDate().toEpochMilli());
        StateMachines.durable(store.saveCatalog(ExecutionStore.ALIAS_WRITTEN, row));
        byArn.put(alias.arn(), alias);
    }

    private void remove(String arn) {
        StateMachines.durable(store.saveCatalog(ExecutionStore.ALIAS_DELETED,
                JsonNodeFactory.instance.objectNode().put("arn", arn)));
        byArn.remove(arn);
    }

    ObjectNode create(Request request, StateMachines machines) {
        String name = request.requiredString("name");
        String description = request.optionalString("description", 256);
        checkName(name);
        List<MachineAlias.Route> routes = routes(request.get("routingConfiguration"), true);
        QualifiedArn machine = arns.qualified(routes.get(0).versionArn());
        machines.require(machine.machineArn());
        String arn = arns.alias(machine.machineName(), name);
        MachineAlias alias;
        synchronized (this) {
            requireVersions(routes);
            MachineAlias existing = byArn.get(arn);
            if (existing != null) {
                if (!Objects.equals(existing.description(), description)
                        || !new HashSet<>(existing.routes()).equals(new HashSet<>(routes))) {
                    throw new ApiException("ConflictException", "Failed to create alias because an alias with the same"
                            + " name and a different routing configuration already exists.");
                }
                alias = existing; // AWS: the same request again answers with the alias it made
            } else {
                long count = byArn.values().stream().filter(a -> a.machineArn().equals(machine.machineArn())).count();
                if (count >= MAX_ALIASES) {
                    throw new ApiException("ServiceQuotaExceededException", "Cannot create more than " + MAX_ALIASES
                            + " aliases of the state machine '" + machine.machineArn() + "'");
                }
                Instant now = clock.instant();
                alias = new MachineAlias(arn, machine.machineArn(), name, description, routes, now, now);
                write(alias);
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stateMachineAliasArn", alias.arn());
        response.put("creationDate", EpochSeconds.of(alias.creationDate()));
        return response;
    }

    ObjectNode describe(Request request) {
        MachineAlias alias = require(request.requiredString("stateMachineAliasArn"));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stateMachineAliasArn", alias.arn());
        response.put("name", alias.name());
        if (alias.description() != null) {
            response.put("description", alias.description());
        }
        ArrayNode routes = response.putArray("routingConfiguration");
        for (MachineAlias.Route route : alias.routes()) {
            routes.addObject().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight());
        }
        response.put("creationDate", EpochSeconds.of(alias.creationDate()));
        response.put("updateDate", EpochSeconds.of(alias.updateDate()));
        return response;
    }

    ObjectNode list(Request request, StateMachines machines) {
        String machineArn = request.requiredString("stateMachineArn");
        machines.require(machineArn);
        int max = request.maxResults();
        String scope = "ListStateMachineAliases:" + machineArn;
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        List<MachineAlias> all;
        synchronized (this) {
            all = byArn.values().stream().filter(alias -> alias.machineArn().equals(machineArn))
                    .sorted(Comparator.comparing(MachineAlias::creationDate).reversed()
                            .thenComparing(MachineAlias::name))
                    .toList();
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("stateMachineAliases");
        int end = (int) Math.min(all.size(), from + max);
        for (int i = (int) Math.min(from, all.size()); i < end; i++) {
            items.addObject().put("stateMachineAliasArn", all.get(i).arn())
                    .put("creationDate", EpochSeconds.of(all.get(i).creationDate()));
        }
        if (end < all.size()) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    ObjectNode update(Request request) {
        String arn = request.requiredString("stateMachineAliasArn");
        String description = request.optionalString("description", 256);
        JsonNode routing = request.get("routingConfiguration");
        if (description == null && (routing == null || routing.isNull())) {
            throw ApiException.validation("Either the description or the routingConfiguration must be specified");
        }
        List<MachineAlias.Route> routes = routing == null || routing.isNull() ? null : routes(routing, false);
        MachineAlias updated;
        synchronized (this) {
            MachineAlias alias = require(arn);
            if (routes != null) {
                for (MachineAlias.Route route : routes) {
                    if (!arns.qualified(route.versionArn()).machineArn().equals(alias.machineArn())) {
                        throw ApiException.validation("Routing configuration must contain state machine versions of the"
                                + " same state machine as the alias: '" + route.versionArn() + "'");
                    }
                }
                requireVersions(routes);
            }
            updated = new MachineAlias(alias.arn(), alias.machineArn(), alias.name(),
                    description == null ? alias.description() : description, routes == null ? alias.routes() : routes,
                    alias.creationDate(), clock.instant());
            write(updated);
        }
        return JsonNodeFactory.instance.objectNode().put("updateDate", EpochSeconds.of(updated.updateDate()));
    }

    ObjectNode delete(Request request) {
        String arn = request.requiredString("stateMachineAliasArn");
        synchronized (this) {
            require(arn);
            remove(arn);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** @throws ApiException InvalidArn for an ARN that is no alias's, ResourceNotFound for an alias that does not exist */
    synchronized MachineAlias require(String arn) {
        if (!arns.qualified(arn).alias()) {
            throw ApiException.invalidArn(arn);
        }
        MachineAlias alias = byArn.get(arn);
        if (alias == null) {
            throw ApiException.resourceNotFound(arn);
        }
        return alias;
    }

    /** The ARNs of the aliases that route to a version. */
    synchronized List<String> routingTo(String versionArn) {
        return byArn.values().stream()
                .filter(alias -> alias.routes().stream().anyMatch(route -> route.versionArn().equals(versionArn)))
                .map(MachineAlias::arn).toList();
    }

    /** Its machine was deleted: so are its aliases. */
    synchronized void purge(String machineArn) {
        for (MachineAlias alias : List.copyOf(byArn.values())) {
            if (alias.machineArn().equals(machineArn)) {
                remove(alias.arn());
            }
        }
    }

    private void requireVersions(List<MachineAlias.Route> routes) {
        for (MachineAlias.Route route : routes) {
            versions.require(route.versionArn());
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > Names.MAX_LENGTH) {
            throw ApiException.constraint(name, "name", "Member must have length between 1 and 80");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.constraint(name, "name",
                    "Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");
        }
    }

    /** AWS's rules: one or two versions of one machine, each once, weights from 0 to 100 adding up to 100. */
    private List<MachineAlias.Route> routes(JsonNode routing, boolean required) {
        if (routing == null || routing.isNull()) {
            if (required) {
                throw ApiException.validation("1 validation error detected: Value null at 'routingConfiguration' failed"
                        + " to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!routing.isArray() || routing.isEmpty() || routing.size() > 2) {
            throw ApiException.validation("1 validation error detected: Value at 'routingConfiguration' failed to"
                    + " satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1");
        }
        List<MachineAlias.Route> routes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String machineArn = null;
        int total = 0;
        for (JsonNode item : routing) {
            JsonNode version = item.get("stateMachineVersionArn");
            JsonNode weight = item.get("weight");
            if (version == null || !version.isTextual()) {
                throw ApiException.validation("1 validation error detected: Value null at"
                        + " 'routingConfiguration.member.stateMachineVersionArn' failed to satisfy constraint: Member must not be null");
            }
            if (weight == null || !weight.canConvertToInt() || weight.asInt() < 0 || weight.asInt() > 100) {
                throw ApiException.validation("1 validation error detected: Value '" + weight + "' at"
                        + " 'routingConfiguration.member.weight' failed to satisfy constraint: Member must have value"
                        + " between 0 and 100");
            }
            QualifiedArn qualified = arns.qualified(version.asText());
            if (!qualified.version()) {
                throw ApiException.invalidArn(version.asText());
            }
            if (machineArn != null && !machineArn.equals(qualified.machineArn())) {
                throw ApiException.validation("Routing configuration must contain state machine versions of the same"
                        + " state machine");
            }
            machineArn = qualified.machineArn();
            if (!seen.add(version.asText())) {
                throw ApiException.validation("Routing configuration must contain distinct state machine versions");
            }
            total += weight.asInt();
            routes.add(new MachineAlias.Route(version.asText(), weight.asInt()));
        }
        if (total != 100) {
            throw ApiException.validation("Sum of routing configuration weights must be equal to 100");
        }
        return List.copyOf(routes);
    }
}
