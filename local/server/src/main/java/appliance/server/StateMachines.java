package appliance.server;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.DefinitionProblem;
import appliance.engine.error.InvalidDefinitionException;
import appliance.engine.task.TaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state machine actions (Create, Update, Describe, List, Delete, ValidateStateMachineDefinition)
 * over the registry of machines, which the store keeps across restarts. A change answers once it is durable.
 */
final class StateMachines {

    private static final List<String> TYPES = List.of("STANDARD", "EXPRESS");
    /** AWS's limit on a definition's length. */
    static final int MAX_DEFINITION_LENGTH = 1_048_576;

    private final Map<String, StateMachineRecord> byArn = new ConcurrentHashMap<>();
    private final ExecutionStore store;
    private final Arns arns;
    private final TaskInvoker defaultTasks;
    private final Clock clock;

    StateMachines(ExecutionStore store, Arns arns, TaskInvoker defaultTasks, Clock clock) {
        this.store = store;
        this.arns = arns;
        this.defaultTasks = defaultTasks;
        this.clock = clock;
        for (String[] row : store.stateMachines()) {
            StateMachineDefinition compiled;
            try {
                compiled = StateMachineDefinition.compile(JsonText.parse(row[2], "InvalidDefinition", ""));
            } catch (RuntimeException e) {
                continue; // A machine this engine no longer accepts is left out rather than failing the start.
            }
            byArn.put(row[0], new StateMachineRecord(row[0], row[1], row[2], row[3], row[4],
                    Instant.ofEpochMilli(Long.parseLong(row[5])), compiled, defaultTasks));
        }
    }

    /** Registers (or replaces) a machine whose tasks go to {@code tasks}, as the server's owner sets it up. */
    StateMachineRecord register(String name, String definition, String type, TaskInvoker tasks) {
        Names.check(name, "name");
        StateMachineDefinition compiled = compile(definition);
        String arn = arns.stateMachine(name);
        StateMachineRecord existing = byArn.get(arn);
        StateMachineRecord machine = new StateMachineRecord(arn, name, definition,
                arns.defaultRole(), type,
                existing == null ? clock.instant() : existing.creationDate(), compiled, tasks);
        durable(store.saveStateMachine(machine));
        byArn.put(arn, machine);
        return machine;
    }

    /** The ARNs of the server's account and region. */
    Arns arns() {
        return arns;
    }

    /** The machine of that ARN, or null. */
    StateMachineRecord find(String arn) {
        return byArn.get(arn);
    }

    /** Waits until a change is on disk: the API answers a change only once it is durable. */
    static void durable(java.util.concurrent.CompletableFuture<Void> written) {
        try {
            written.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("InternalFailure", "Interrupted while saving the state machine");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ApiException("InternalFailure", "The state machine could not be saved: " + e.getMessage());
        }
    }

    /** @throws ApiException StateMachineDoesNotExist, or InvalidArn for an ARN of another shape */
    StateMachineRecord require(String arn) {
        arns.stateMachineName(arn);
        StateMachineRecord machine = byArn.get(arn);
        if (machine == null) {
            throw ApiException.stateMachineDoesNotExist(arn);
        }
        return machine;
    }

    ObjectNode create(Request request) {
        String name = request.requiredString("name");
        String definition = request.requiredString("definition");
        request.optionalString("definition", MAX_DEFINITION_LENGTH);
        String role = request.requiredString("roleArn");
        String type = request.optionalEnum("type", TYPES);
        type = type == null ? "STANDARD" : type;
        Names.check(name, "name");
        Arns.checkRole(role);
        StateMachineDefinition compiled = compile(definition);
        String arn = arns.stateMachine(name);
        StateMachineRecord machine;
        synchronized (this) {
            StateMachineRecord existing = byArn.get(arn);
            if (existing != null) {
                if (!existing.sameAs(definition, role, type)) {
                    throw ApiException.stateMachineAlreadyExists(arn);
                }
                machine = existing; // AWS: creating the very same machine again returns it
            } else {
                machine = new StateMachineRecord(arn, name, definition, role, type, clock.instant(), compiled,
                        defaultTasks);
                durable(store.saveStateMachine(machine));
                byArn.put(arn, machine);
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stateMachineArn", machine.arn());
        response.put("creationDate", EpochSeconds.of(machine.creationDate()));
        return response;
    }

    ObjectNode update(Request request) {
        String arn = request.requiredString("stateMachineArn");
        String definition = request.optionalString("definition", MAX_DEFINITION_LENGTH);
        String role = request.optionalString("roleArn");
        if (definition == null && role == null && request.get("loggingConfiguration") == null
                && request.get("tracingConfiguration") == null) {
            throw new ApiException("MissingRequiredParameter",
                    "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified");
        }
        if (role != null) {
            Arns.checkRole(role);
        }
        StateMachineDefinition compiled = definition == null ? null : compile(definition);
        Instant now = clock.instant();
        synchronized (this) {
            StateMachineRecord old = require(arn);
            StateMachineRecord updated = new StateMachineRecord(arn, old.name(),
                    definition == null ? old.definitionText() : definition, role == null ? old.roleArn() : role,
                    old.type(), old.creationDate(), compiled == null ? old.definition() : compiled, old.tasks());
            durable(store.saveStateMachine(updated));
            byArn.put(arn, updated);
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("updateDate", EpochSeconds.of(now));
        return response;
    }

    ObjectNode describe(Request request) {
        return described(require(request.requiredString("stateMachineArn")));
    }

    /**
     * DescribeStateMachineForExecution: the machine an execution ran, with the definition it started
     * with (an UpdateStateMachine since does not change what it ran).
     */
    ObjectNode describeFor(ExecutionRecord execution, String definitionText) {
        StateMachineRecord machine = byArn.get(execution.stateMachineArn());
        if (machine == null) {
            throw ApiException.stateMachineDoesNotExist(execution.stateMachineArn());
        }
        ObjectNode response = described(machine);
        response.put("definition", definitionText);
        ObjectNode forExecution = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("stateMachineArn", "name", "definition", "roleArn", "loggingConfiguration",
                "tracingConfiguration")) {
            forExecution.set(field, response.get(field));
        }
        forExecution.put("updateDate", EpochSeconds.of(machine.creationDate()));
        return forExecution;
    }

    /**
     * DescribeStateMachineForExecution for a child a Map Run started. AWS: "If a Map Run dispatched the
     * execution, this action returns the Map Run ARN in the response. The state machine returned is the
     * state machine associated with the Map Run", with the Map's {@code label}. The docs do not spell the
     * other fields out; here the state machine is the one ListMapRuns and DescribeExecution name for the
     * Map Run ({@code MACHINE/LABEL}), its definition the ItemProcessor the child ran, and its name, role
     * and configuration the parent machine's.
     */
    ObjectNode describeForChild(ExecutionRecord execution, String processorText, String mapRunArn) {
        String childMachineArn = execution.stateMachineArn();
        int slash = childMachineArn.lastIndexOf('/');
        String parentArn = childMachineArn.substring(0, slash);
        StateMachineRecord parent = byArn.get(parentArn);
        if (parent == null) {
            throw ApiException.stateMachineDoesNotExist(parentArn);
        }
        ObjectNode response = describeFor(new ExecutionRecord(execution.executionArn(), parentArn, execution.name(),
                execution.status(), execution.input(), execution.output(), execution.error(), execution.cause(),
                execution.startDate(), execution.stopDate()), processorText);
        response.put("stateMachineArn", childMachineArn);
        response.put("mapRunArn", mapRunArn);
        response.put("label", childMachineArn.substring(slash + 1));
        return response;
    }

    private static ObjectNode described(StateMachineRecord machine) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definitionText());
        response.put("roleArn", machine.roleArn());
        response.put("type", machine.type());
        response.put("creationDate", EpochSeconds.of(machine.creationDate()));
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        return response;
    }

    ObjectNode list(Request request) {
        int max = request.maxResults();
        long from = PageToken.decode("ListStateMachines", request.optionalString("nextToken"));
        List<StateMachineRecord> all = byArn.values().stream()
                .sorted(Comparator.comparing(StateMachineRecord::creationDate).thenComparing(StateMachineRecord::name))
                .toList();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode machines = response.putArray("stateMachines");
        int end = (int) Math.min(all.size(), from + max);
        for (int i = (int) Math.min(from, all.size()); i < end; i++) {
            StateMachineRecord machine = all.get(i);
            ObjectNode item = machines.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type());
            item.put("creationDate", EpochSeconds.of(machine.creationDate()));
        }
        if (end < all.size()) {
            response.put("nextToken", PageToken.encode("ListStateMachines", end));
        }
        return response;
    }

    /** AWS deletes asynchronously and does not fail for a machine that is already gone; running executions go on. */
    ObjectNode delete(Request request) {
        String arn = request.requiredString("stateMachineArn");
        arns.stateMachineName(arn);
        synchronized (this) {
            byArn.remove(arn);
            durable(store.deleteStateMachine(arn));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode validate(Request request) {
        String definition = request.requiredString("definition");
        request.optionalString("definition", MAX_DEFINITION_LENGTH);
        request.optionalEnum("type", TYPES);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode diagnostics = JsonNodeFactory.instance.arrayNode();
        try {
            JsonNode json = JsonText.parse(definition, "InvalidDefinition", "");
            NestingLimit.check(json);
            StateMachineDefinition.compile(json);
        } catch (StackOverflowError e) {
            ObjectNode diagnostic = diagnostics.addObject();
            diagnostic.put("severity", "ERROR");
            diagnostic.put("code", "SCHEMA_VALIDATION_FAILED");
            diagnostic.put("message", "The definition is nested too deeply to be compiled");
        } catch (ApiException e) {
            ObjectNode diagnostic = diagnostics.addObject();
            diagnostic.put("severity", "ERROR");
            diagnostic.put("code", "INVALID_JSON_DESCRIPTION");
            diagnostic.put("message", e.getMessage());
        } catch (InvalidDefinitionException e) {
            for (DefinitionProblem problem : e.problems()) {
                ObjectNode diagnostic = diagnostics.addObject();
                diagnostic.put("severity", "ERROR");
                diagnostic.put("code", problem.code());
                diagnostic.put("message", problem.message());
                if (problem.location() != null) {
                    diagnostic.put("location", problem.location());
                }
            }
        }
        response.put("result", diagnostics.isEmpty() ? "OK" : "FAIL");
        response.set("diagnostics", diagnostics);
        response.put("truncated", false);
        return response;
    }

    /** @throws ApiException InvalidDefinition with AWS's message listing every problem */
    static StateMachineDefinition compile(String definition) {
        JsonNode json = JsonText.parse(definition, "InvalidDefinition",
                "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ");
        NestingLimit.check(json);
        try {
            return StateMachineDefinition.compile(json);
        } catch (InvalidDefinitionException e) {
            throw new ApiException("InvalidDefinition", e.getMessage());
        } catch (StackOverflowError e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED:"
                    + " the definition is nested too deeply to be compiled'");
        }
    }
}
