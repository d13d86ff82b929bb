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
    /** The Pass that assigns the request's variables before the tested state runs in the engine. */
    private static final String VARIABLES_STATE = "TestState.Variables";
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
        request.optionalString("roleArn");
        request.optionalBoolean("revealSecrets", false);
        TestStateOptions options = TestStateOptions.read(request);
        JsonNode definition = JsonText.parse(definitionText, "InvalidDefinition",
                "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ");
        JsonNode input = JsonText.parse(inputText == null ? "{}" : inputText, "InvalidExecutionInput",
                "Invalid State Machine Execution Input: '");
        String name = stateName == null ? DEFAULT_NAME : stateName;
        JsonNode stateJson = stateName == null ? definition : definition.path("States").get(stateName);
        if (stateJson == null || !stateJson.isObject()) {
            throw ApiException.validation("The definition has no state named '" + stateName + "'");
        }
        ObjectNode alone = alone(name, (ObjectNode) stateJson);
        if (stateName != null && definition.has("QueryLanguage")) {
            alone.set("QueryLanguage", definition.get("QueryLanguage")); // the state's language is the machine's
        }
        State state = StateMachines.compile(Json.compact(alone)).state(name);
        TestStateChecks.check(state, (ObjectNode) stateJson, options);
        ObjectNode context = TestStateChecks.context(name, input, options.context(), clock);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode inspection;
        if (options.mocked() && MockedStateRun.applies(state)) {
            inspection = new MockedStateRun(state, (ObjectNode) stateJson, options, context).run(input, response);
        } else if (options.context() != null && PlainStateRun.applies(state)) {
            // The engine's runs see its own context object: with one given, the state is worked out here.
            inspection = new PlainStateRun(state, options, context).run(input, response);
        } else {
            if (options.mocked() && !(state instanceof appliance.engine.definition.TaskState)) {
                // A mocked JSONata Map or Parallel: a Task with its output processing and error handling
                // stands in, answered by the mock, so its iterations or branches are not run.
                ((ObjectNode) alone.get("States")).set(name, mockedStandIn((ObjectNode) stateJson));
            }
            inspection = run(alone, name, state, input, options, context, response);
        }
        if ("DEBUG".equals(level) || "TRACE".equals(level)) {
            response.set("inspectionData", inspection);
        }
        return response;
    }

    /**
     * Runs the state in the engine (states a mock does not stand in for, and unmocked tasks): the request's
     * variables are assigned by a Pass before it; an error of its task is answered by {@link TestedError}.
     */
    private ObjectNode run(ObjectNode alone, String name, State state, JsonNode input, TestStateOptions options,
            ObjectNode context, ObjectNode response) {
        if (options.variables() != null && !options.variables().isEmpty()) {
            ObjectNode setup = ((ObjectNode) alone.get("States")).putObject(VARIABLES_STATE);
            setup.put("Type", "Pass");
            setup.set("Assign", options.variables());
            setup.put("Next", name);
            alone.put("StartAt", VARIABLES_STATE);
        }
        StateMachineDefinition machine = StateMachines.compile(Json.compact(alone));
        TestedTask task = new TestedTask(name, options.mocked()
                ? new TestedTask.Mock(options.mockResult(), options.mockError(), options.mockCause()) : null, tasks);

        VirtualTimeScheduler virtualTime = new VirtualTimeScheduler(clock.instant());
        Execution execution = new Engine(virtualTime, task, new SplittableRandom())
                .start(machine, input, ExecutionIdentity.in(region, account, "TestState", "test"), null);
        virtualTime.runUntilIdle();
        ExecutionResult result = execution.result().toCompletableFuture().getNow(
                new ExecutionResult(ExecutionStatus.FAILED, null, "States.Runtime", "The state did not finish"));

        java.util.Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
        if (options.variables() != null) {
            options.variables().fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
        }
        ObjectNode inspection = ProcessingSteps.of(state, input, context, variables::get, task.firstResult());
        List<HistoryEvent> history = execution.history();
        HistoryEvent exited = lastExit(history, name);
        if (task.firstError() != null) {
            TestedError.answer(state, task.firstError(), task.firstCause(), input, context, variables,
                    options.retrierRetryCount(), response, inspection);
        } else if (exited != null) {
            response.put("status", "SUCCEEDED");
            response.put("output", exited.details().path("output").asText());
            String next = nextEntered(history, exited);
            if (next != null) {
                response.put("nextState", next);
            }
        } else {
            response.put("status", "FAILED");
            putErrorAndCause(response, result.error(), result.cause());
        }
        if (!variables.isEmpty()) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            variables.forEach(json::set);
            inspection.put("variables", Json.compact(json));
        }
        return inspection;
    }

    /** A Task in place of a mocked Map or Parallel: the same Output, Assign, Retry, Catch and transition. */
    private static ObjectNode mockedStandIn(ObjectNode state) {
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        task.put("Type", "Task");
        task.put("Resource", "arn:aws:states:::teststate:mocked");
        for (String field : List.of("QueryLanguage", "Output", "Assign", "Retry", "Catch", "Next", "End", "Comment")) {
            if (state.has(field)) {
                task.set(field, state.get(field));
            }
        }
        return task;
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
}
