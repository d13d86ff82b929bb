package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.Json;
import appliance.engine.definition.TaskState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskResource;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Task: hands the effective input to the task invoker and waits, holding no thread, for its answer or
 * for TimeoutSeconds. A Lambda function named directly records {@code LambdaFunction*} events; every
 * other resource {@code Task*} events, as AWS does.
 */
final class TaskStep {

    private TaskStep() {
    }

    static void run(StateRun run, TaskState state) {
        if (state.resource().endsWith(".waitForTaskToken")) {
            run.issueTaskToken();
        }
        JsonNode input = run.effectiveInput();
        Integer timeout = seconds(run, state.timeoutSeconds(), state.timeoutSecondsPath(), input, "TimeoutSeconds");
        Integer heartbeat = seconds(run, state.heartbeatSeconds(), state.heartbeatSecondsPath(), input, "HeartbeatSeconds");
        TaskResource resource = TaskResource.of(state.resource());
        BranchRun branch = run.branch;
        if (resource.lambdaFunction()) {
            branch.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", () -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("resource", resource.arn());
                details.put("input", Json.compact(input));
                details.set("inputDetails", Details.notTruncated());
                if (timeout != null) {
                    details.put("timeoutInSeconds", timeout);
                }
                return details;
            });
            branch.record("LambdaFunctionStarted", null, null);
        } else {
            branch.record("TaskScheduled", "taskScheduledEventDetails", () -> {
                ObjectNode details = serviceDetails(resource);
                details.put("region", resource.region());
                details.put("parameters", Json.compact(input));
                if (timeout != null) {
                    details.put("timeoutInSeconds", timeout);
                }
                if (heartbeat != null) {
                    details.put("heartbeatInSeconds", heartbeat);
                }
                return details;
            });
            branch.record("TaskStarted", "taskStartedEventDetails", () -> serviceDetails(resource));
        }
        Attempt attempt = new Attempt(run, state, resource);
        if (timeout != null) {
            attempt.timer = branch.execution.steps.schedule(Duration.ofSeconds(timeout),
                    () -> attempt.timedOut(ErrorNames.TIMEOUT));
        }
        if (heartbeat != null) {
            attempt.heartbeatSeconds = heartbeat;
            attempt.beat();
        }
        CompletionStage<JsonNode> answer;
        try {
            answer = branch.execution.tasks.invoke(new TaskRequest(state.resource(), input, state.name(),
                    run.context(), branch.execution.identity().executionArn(), run.retryCount(),
                    () -> branch.execution.steps.execute(attempt::beat)));
        } catch (RuntimeException e) {
            answer = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            answer = java.util.concurrent.CompletableFuture.failedFuture(StatesFailure.runtime(
                    "The task invoker gave no answer for the resource '" + state.resource() + "'"));
        }
        answer.whenComplete((result, error) -> branch.execution.steps.execute(() -> attempt.answered(result, error)));
    }

    private static ObjectNode serviceDetails(TaskResource resource) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("resourceType", resource.resourceType());
        details.put("resource", resource.resourceName());
        return details;
    }

    private static Integer seconds(StateRun run, Integer fixed, ReferencePath path, JsonNode input, String name) {
        JsonataTemplate expression = JsonataSteps.field(run, name);
        if (expression != null) {
            return JsonataSteps.evaluate(run, () -> positive(expression, expression.evaluateInteger(JsonataSteps.bindings(run))));
        }
        if (path == null) {
            return fixed;
        }
        String field = name + "Path";
        JsonNode value;
        try {
            value = path.readRequired(run.scope(input));
        } catch (PathNotFound e) {
            throw new DataFlowException("Invalid path '" + path.text() + "' : " + e.getMessage());
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            throw new DataFlowException("The " + field + " field refers to value \"" + WaitStep.text(value)
                    + "\" which is not a valid positive integer: " + path.text());
        }
        return value.asInt();
    }

    private static int positive(JsonataTemplate expression, long value) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR, "The " + expression.fieldName()
                    + " field must be a positive integer: " + value, expression.fieldName());
        }
        return (int) value;
    }

    /** One try of the task: the first of its answer or its timeout wins. */
    private static final class Attempt {
        private final StateRun run;
        private final TaskState state;
        private final TaskResource resource;
        private Scheduler.Cancellable timer;
        private Integer heartbeatSeconds;
        private Scheduler.Cancellable heartbeatTimer;
        private boolean settled;

        Attempt(StateRun run, TaskState state, TaskResource resource) {
            this.run = run;
            this.state = state;
            this.resource = resource;
        }

        void answered(JsonNode result, Throwable error) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimers();
            run.guarded(() -> {
                if (error == null) {
                    succeeded(result == null ? JsonNodeFactory.instance.nullNode() : result);
                } else {
                    failed(asFailure(error));
                }
            });
        }

        /** The task is alive: the heartbeat clock starts again (runs on the execution's step thread). */
        void beat() {
            if (settled || heartbeatSeconds == null) {
                return;
            }
            if (heartbeatTimer != null) {
                heartbeatTimer.cancel();
            }
            heartbeatTimer = run.branch.execution.steps.schedule(Duration.ofSeconds(heartbeatSeconds),
                    () -> timedOut(ErrorNames.HEARTBEAT_TIMEOUT));
        }

        private void cancelTimers() {
            if (timer != null) {
                timer.cancel();
            }
            if (heartbeatTimer != null) {
                heartbeatTimer.cancel();
            }
        }

        /** TimeoutSeconds passed ({@code States.Timeout}) or a heartbeat did not come ({@code States.HeartbeatTimeout}). */
        void timedOut(String error) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimers();
            run.guarded(() -> {
                ObjectNode details = resource.lambdaFunction() ? JsonNodeFactory.instance.objectNode() : serviceDetails(resource);
                details.put("error", error);
                run.branch.record(resource.lambdaFunction() ? "LambdaFunctionTimedOut" : "TaskTimedOut",
                        resource.lambdaFunction() ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails", () -> details);
                run.fail(new StatesFailure(error, null));
            });
        }

        private void succeeded(JsonNode result) {
            run.branch.record(resource.lambdaFunction() ? "LambdaFunctionSucceeded" : "TaskSucceeded",
                    resource.lambdaFunction() ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails", () -> {
                        ObjectNode details = resource.lambdaFunction()
                                ? JsonNodeFactory.instance.objectNode() : serviceDetails(resource);
                        details.put("output", Json.compact(result));
                        details.set("outputDetails", Details.notTruncated());
                        return details;
                    });
            run.succeed(result, state.transition().next());
        }

        private void failed(StatesFailure failure) {
            ObjectNode details = resource.lambdaFunction() ? JsonNodeFactory.instance.objectNode() : serviceDetails(resource);
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            run.branch.record(resource.lambdaFunction() ? "LambdaFunctionFailed" : "TaskFailed",
                    resource.lambdaFunction() ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails", () -> details);
            run.fail(failure);
        }

        private static StatesFailure asFailure(Throwable error) {
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof StatesFailure failure) {
                return failure;
            }
            String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            return new StatesFailure(ErrorNames.TASK_FAILED, message);
        }
    }
}
