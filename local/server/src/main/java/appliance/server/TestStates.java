package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.definition.State;
import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.run.ExecutionStatus;
import appliance.engine.task.TaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * TestState: runs one state on its own. The state goes into a machine of its own where each state it
 * can move to is a Succeed placeholder, so the engine runs it exactly as in an execution (on a virtual
 * clock: a Wait costs nothing) and the placeholder entered names {@code nextState}. Task states get
 * the request's {@code mock} (its {@code result} or {@code errorOutput}) or call the server's tasks.
 * As AWS does, an error that a Retry would retry ends the test as RETRIABLE and is not retried.
 * {@code inspectionData} (DEBUG and TRACE) shows each step of the input and output processing.
 */
final class TestStates {

    private static final String DEFAULT_NAME = "TestState";
    private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");

    private final TaskInvoker tasks;
    private final Clock clock;
    /** The server's region and account: the test's execution is named in them, as its other executions are. */
    private final String region;
    private final String account;

    TestStates(TaskInvoker tasks, Clock clock, String region, String account) {
        this.tasks = tasks;
        this.clock = clock;
        this.region = region;
        this.account = account;
    }

    ObjectNode test(Request request) {
        String definitionText = request.requiredString("definition");
        String stateName = request.optionalString("stateName");
        String level = request.optionalEnum("inspectionLevel", LEVELS);
        String inputText = request.optionalString("input");
        JsonNode definition = JsonText.parse(definitionText, "InvalidDefinition",
                "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ");
        JsonNode input = JsonText.parse(inputText == null ? "{}" : inputText, "InvalidExecutionInput",
                "Invalid State Machine Execution Input: '");
        String name = stateName == null ? DEFAULT_NAME : stateName;
        JsonNode stateJson = stateName == null ? definition : definition.path("States").get(stateName);
        if (stateJson == null || !stateJson.isObject()) {
            throw ApiException.validation("The definition has no state named '" + stateName + "'");
        }
        StateMachineDefinition machine = StateMachines.compile(Json.compact(alone(name, (ObjectNode) stateJson)));
        TestedTask task = new TestedTask(name, mockOf(request.get("mock")), tasks);

        VirtualTimeScheduler virtualTime = new VirtualTimeScheduler(clock.instant());
        Execution execution = new Engine(virtualTime, task, new SplittableRandom())
                .start(machine, input, ExecutionIdentity.in(region, account, "TestState", "test"), null);
        virtualTime.runUntilIdle();
        ExecutionResult result = execution.result().toCompletableFuture().getNow(
                new ExecutionResult(ExecutionStatus.FAILED, null, "States.Runtime", "The state did not finish"));

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        List<HistoryEvent> history = execution.history();
        HistoryEvent exited = lastExit(history, name);
        if (task.retried()) {
            response.put("status", "RETRIABLE");
            putErrorAndCause(response, task.firstError(), task.firstCause());
        } else if (exited != null) {
            response.put("status", task.firstError() != null ? "CAUGHT_ERROR" : "SUCCEEDED");
            response.put("output", exited.details().path("output").asText());
            String next = nextEntered(history, exited);
            if (next != null) {
                response.put("nextState", next);
            }
            if (task.firstError() != null) {
                putErrorAndCause(response, task.firstError(), task.firstCause());
            }
        } else {
            response.put("status", "FAILED");
            putErrorAndCause(response, result.error(), result.cause());
        }
        if ("DEBUG".equals(level) || "TRACE".equals(level)) {
            response.set("inspectionData", inspection(machine.state(name), input, task));
        }
        return response;
    }

    /** The state alone in a machine, with a Succeed placeholder for each state it can move to. */
    private static ObjectNode alone(String name, ObjectNode state) {
        Set<String> targets = new LinkedHashSet<>();
        addText(targets, state.get("Next"));
        addText(targets, state.get("Default"));
        for (JsonNode choice : state.path("Choices")) {
            addText(targets, choice.get("Next"));
        }
        for (JsonNode catcher : state.path("Catch")) {
            addText(targets, catcher.get("Next"));
        }
        targets.remove(name);
        ObjectNode machine = JsonNodeFactory.instance.objectNode();
        machine.put("StartAt", name);
        ObjectNode states = machine.putObject("States");
        states.set(name, state);
        for (String target : targets) {
            states.putObject(target).put("Type", "Succeed");
        }
        return machine;
    }

    private static void addText(Set<String> targets, JsonNode value) {
        if (value != null && value.isTextual()) {
            targets.add(value.asText());
        }
    }

    private static TestedTask.Mock mockOf(JsonNode mock) {
        if (mock == null || mock.isNull()) {
            return null;
        }
        if (mock.hasNonNull("result") && mock.hasNonNull("errorOutput")) {
            throw ApiException.validation("A mock has either a result or an errorOutput, not both");
        }
        if (mock.hasNonNull("result")) {
            return new TestedTask.Mock(JsonText.parse(mock.get("result").asText(), "ValidationException",
                    "The mock result is not JSON: '"), null, null);
        }
        JsonNode error = mock.path("errorOutput");
        if (!error.hasNonNull("error")) {
            throw ApiException.validation("A mock needs a result or an errorOutput with an error");
        }
        return new TestedTask.Mock(null, error.get("error").asText(), error.path("cause").asText(null));
    }

    private static HistoryEvent lastExit(List<HistoryEvent> history, String name) {
        HistoryEvent found = null;
        for (HistoryEvent event : history) {
            if (event.type().endsWith("StateExited") && name.equals(event.details().path("name").asText())) {
                found = event;
            }
        }
        return found;
    }

    private static String nextEntered(List<HistoryEvent> history, HistoryEvent exited) {
        for (HistoryEvent event : history) {
            if (event.id() > exited.id() && event.type().endsWith("StateEntered")) {
                return event.details().path("name").asText();
            }
        }
        return null;
    }

    private static void putErrorAndCause(ObjectNode response, String error, String cause) {
        if (error != null) {
            response.put("error", error);
        }
        if (cause != null) {
            response.put("cause", cause);
        }
    }

    /** Each step of the input and output processing, as far as it gets; a step that fails ends the list. */
    private static ObjectNode inspection(State state, JsonNode input, TestedTask task) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.putObject("State").put("Name", state.name());
        return ProcessingSteps.of(state, input, context, null, task.firstResult());
    }
}
