package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.ExecutionListener;
import appliance.engine.run.ExecutionResult;
import appliance.engine.run.ExecutionStatus;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A state machine starting another on the same server ({@code arn:aws:states:::states:startExecution}):
 * as a request (the answer is the new execution's {@code ExecutionArn} and {@code StartDate}), as a job
 * ({@code .sync}: the task ends with the child, its answer the child described with {@code Input} and
 * {@code Output} as JSON text; {@code .sync:2}: the same with them as JSON), or with a callback
 * ({@code .waitForTaskToken}, through {@link Callbacks}). A job's task fails with
 * {@code States.TaskFailed} when the child does not succeed, the child described as its cause; a
 * parent stopped with StopExecution, or a job task that times out, stops the children it waits for. A child that should know
 * its parent gets it in its input, as at AWS: {@code "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}.
 */
final class NestedExecutions implements ExecutionListener {

    static final String START = "arn:aws:states:::states:startExecution";
    private static final String SYNC = ".sync";
    private static final String SYNC_JSON = ".sync:2";

    private final Executions executions;
    private final Arns arns;
    /** Children that running job tasks wait for, by parent execution ARN. */
    private final Map<String, Set<String>> awaited = new ConcurrentHashMap<>();
    /** Children awaited before a restart resumed them: completed when they end. */
    private final Map<String, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();
    /** Starting and stopping executions waits for the store: never on the engine's threads. */
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sfn-nested");
        thread.setDaemon(true);
        return thread;
    });

    NestedExecutions(Executions executions, Arns arns) {
        this.executions = executions;
        this.arns = arns;
    }

    /** Whether this resource is startExecution as a request or a job (the callback form comes through Callbacks). */
    static boolean handles(String resource) {
        return resource.equals(START) || resource.equals(START + SYNC) || resource.equals(START + SYNC_JSON);
    }

    CompletionStage<JsonNode> invoke(TaskRequest request) {
        String mode = request.resource().substring(START.length());
        ObjectNode body;
        try {
            body = startRequest(request.parameters());
        } catch (StatesFailure e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean job = !mode.isEmpty();
        CompletableFuture<ObjectNode> started = CompletableFuture.supplyAsync(() -> {
            try {
                return executions.start(new Request(body));
            } catch (ApiException e) {
                ObjectNode existing = job ? namedChild(body, e) : null;
                if (existing != null) {
                    return existing;
                }
                // As AWS names the integration's errors: StepFunctions.<Code> (its docs retry StepFunctions.ExecutionLimitExceeded).
                throw new StatesFailure("StepFunctions." + e.code(), e.getMessage());
            }
        }, calls);
        if (mode.isEmpty()) {
            return started.thenApply(NestedExecutions::startOutput);
        }
        boolean json = mode.equals(SYNC_JSON);
        String parent = request.executionArn();
        return started.thenCompose(response -> {
            String child = response.get("executionArn").asText();
            awaited.computeIfAbsent(parent, key -> ConcurrentHashMap.newKeySet()).add(child);
            request.progress().submitted(startOutput(response));
            // A job the task no longer waits for (its TimeoutSeconds or HeartbeatSeconds ran out) is
            // stopped, as AWS tries to stop an abandoned .sync job, and as StopExecution of the parent does.
            request.progress().whenTimedOut(() -> stop(child));
            return childEnd(child).whenComplete((row, error) -> forget(parent, child))
                    .thenApply(row -> jobOutput(row, json));
        });
    }

    /**
     * A job task made again after a restart finds the child it had started, when it named it (a child
     * that ended meanwhile makes StartExecution answer ExecutionAlreadyExists): it waits for that one.
     */
    private ObjectNode namedChild(ObjectNode body, ApiException refused) {
        if (!"ExecutionAlreadyExists".equals(refused.code()) || !body.has("name")) {
            return null;
        }
        String child = arns.execution(arns.stateMachineName(body.get("stateMachineArn").asText()),
                body.get("name").asText(), false);
        ObjectNode described;
        try {
            described = executions.describe(new Request(JsonNodeFactory.instance.objectNode().put("executionArn", child)));
        } catch (ApiException e) {
            return null;
        }
        if (!described.path("input").asText().equals(body.path("input").asText("{}"))) {
            return null;
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("executionArn", child);
        response.set("startDate", described.get("startDate"));
        return response;
    }

    /**
     * Completes with the child's final row once its end is durable, also for a child that a restart has
     * not resumed yet (its end is then heard as it happens).
     */
    private CompletableFuture<ExecutionRecord> childEnd(String child) {
        CompletableFuture<ExecutionRecord> known = executions.persisted(child);
        if (!known.isCompletedExceptionally()) {
            return known;
        }
        CompletableFuture<Void> heard = ends.computeIfAbsent(child, key -> new CompletableFuture<>());
        known = executions.persisted(child);
        if (!known.isCompletedExceptionally()) {
            ends.remove(child, heard);
            return known;
        }
        return heard.thenCompose(done -> executions.persisted(child));
    }

    private void forget(String parent, String child) {
        awaited.computeIfPresent(parent, (key, children) -> {
            children.remove(child);
            return children.isEmpty() ? null : children;
        });
    }

    private static ObjectNode startRequest(JsonNode parameters) {
        JsonNode machine = parameters == null ? null : parameters.get("StateMachineArn");
        if (machine == null || !machine.isTextual()) {
            throw StatesFailure.runtime("The field 'StateMachineArn' is required by " + START + " and must be a string");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("stateMachineArn", machine.asText());
        JsonNode input = parameters.get("Input");
        if (input != null && !input.isNull()) {
            // Input is the child's input as JSON, or as JSON text (what StartExecution itself takes).
            body.put("input", input.isTextual() ? input.asText() : Json.compact(input));
        }
        JsonNode name = parameters.get("Name");
        if (name != null && !name.isNull()) {
            if (!name.isTextual()) {
                throw StatesFailure.runtime("The field 'Name' of " + START + " must be a string");
            }
            body.put("name", name.asText());
        }
        return body;
    }

    /** StartExecution's answer as the integration gives it: ExecutionArn and StartDate (epoch milliseconds). */
    private static ObjectNode startOutput(ObjectNode response) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("ExecutionArn", response.get("executionArn").asText());
        output.put("StartDate", response.get("startDate").decimalValue().movePointRight(3).longValue());
        return output;
    }

    /** The child as a job's answer (DescribeExecution's fields, capitalized); a child that did not succeed fails the task. */
    private static JsonNode jobOutput(ExecutionRecord child, boolean json) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("ExecutionArn", child.executionArn());
        putData(output, "Input", child.input(), json);
        output.putObject("InputDetails").put("Included", true);
        output.put("Name", child.name());
        if (child.output() != null) {
            putData(output, "Output", child.output(), json);
            output.putObject("OutputDetails").put("Included", true);
        }
        output.put("StartDate", millis(child.startDate()));
        output.put("StateMachineArn", child.stateMachineArn());
        output.put("Status", child.status());
        if (child.stopDate() != null) {
            output.put("StopDate", millis(child.stopDate()));
        }
        if (child.error() != null) {
            output.put("Error", child.error());
        }
        if (child.cause() != null) {
            output.put("Cause", child.cause());
        }
        if (!"SUCCEEDED".equals(child.status())) {
            throw new CompletionException(new StatesFailure("States.TaskFailed", Json.compact(output)));
        }
        return output;
    }

    private static void putData(ObjectNode output, String field, String text, boolean json) {
        if (!json) {
            output.put(field, text);
            return;
        }
        try {
            output.set(field, Json.MAPPER.readTree(text));
        } catch (java.io.IOException e) {
            output.put(field, text);
        }
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** A parent stopped with StopExecution stops the children its job tasks were waiting for. */
    @Override
    public void onFinished(String executionArn, ExecutionResult result) {
        CompletableFuture<Void> heard = ends.remove(executionArn);
        if (heard != null) {
            heard.complete(null);
        }
        Set<String> children = awaited.remove(executionArn);
        if (children == null || result.status() != ExecutionStatus.ABORTED) {
            return;
        }
        for (String child : children) {
            stop(child);
        }
    }

    /** Stops a child on the calls' thread (stopping waits for the store); one that ended already stays as it is. */
    private void stop(String child) {
        calls.execute(() -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("executionArn", child);
            try {
                executions.stop(new Request(body));
            } catch (ApiException e) {
                // Already gone: nothing to stop.
            }
        });
    }

    void close() {
        calls.shutdownNow();
    }
}
