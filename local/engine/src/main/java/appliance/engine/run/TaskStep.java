package appliance.engine.run;

import appliance.engine.definition.DataFlowException;
import appliance.engine.definition.Json;
import appliance.engine.definition.TaskState;
import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import appliance.engine.jsonata.JsonataTemplate;
import appliance.engine.path.PathNotFound;
import appliance.engine.path.ReferencePath;
import appliance.engine.task.TaskProgress;
import appliance.engine.task.TaskRedo;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskResource;
import appliance.engine.task.TaskScheduleFailure;
import appliance.engine.time.Scheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Task: hands the effective input to the task invoker and waits, holding no thread, for its answer or
 * for TimeoutSeconds. A Lambda function named directly records {@code LambdaFunction*} events, an
 * activity {@code Activity*} events (ActivityStarted when a worker takes it), every other resource
 * {@code Task*} events, with TaskSubmitted when a callback or job integration reports its service call
 * returned, as AWS does. Callback and activity tasks get a task token ({@code $$.Task.Token}).
 */
final class TaskStep {

    private TaskStep() {
    }

    static void run(StateRun run, TaskState state) {
        TaskResource resource = TaskResource.of(state.resource());
        if (resource.callback() || resource.activity()) {
            run.issueTaskToken();
        }
        JsonNode input = run.effectiveInput();
        Integer timeout = seconds(run, state.timeoutSeconds(), state.timeoutSecondsPath(), input, "TimeoutSeconds");
        Integer heartbeat = seconds(run, state.heartbeatSeconds(), state.heartbeatSecondsPath(), input, "HeartbeatSeconds");
        BranchRun branch = run.branch;
        Attempt attempt = new Attempt(run, state, resource);
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
        } else if (resource.activity()) {
            // An activity that is not there is not scheduled (ActivityScheduleFailed), and nothing is called.
            TaskScheduleFailure unscheduled = refusal(branch, request(run, state, input, attempt));
            if (unscheduled != null) {
                attempt.settled = true;
                run.guarded(() -> attempt.scheduleFailed(unscheduled.failure()));
                return;
            }
            // An activity task starts when a worker takes it (ActivityStarted, from the task's progress).
            branch.record("ActivityScheduled", "activityScheduledEventDetails", () -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                details.put("resource", resource.arn());
                details.put("input", Json.compact(input));
                details.set("inputDetails", Details.notTruncated());
                if (timeout != null) {
                    details.put("timeoutInSeconds", timeout);
                }
                if (heartbeat != null) {
                    details.put("heartbeatInSeconds", heartbeat);
                }
                return details;
            });
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
        if (timeout != null) {
            attempt.timer = branch.execution.steps.schedule(Duration.ofSeconds(timeout),
                    () -> attempt.timedOut(ErrorNames.TIMEOUT));
        }
        if (heartbeat != null) {
            attempt.heartbeatSeconds = heartbeat;
            // An activity's heartbeat clock starts when a worker takes the task (ActivityStarted): a task
            // waiting in the queue has no worker to beat for it; TimeoutSeconds bounds that wait.
            if (!resource.activity()) {
                attempt.beat();
            }
        }
        CompletionStage<JsonNode> answer = invoke(branch, request(run, state, input, attempt), state);
        answer.whenComplete((result, error) -> branch.execution.steps.execute(() -> attempt.answered(result, error)));
    }

    private static TaskRequest request(StateRun run, TaskState state, JsonNode input, Attempt attempt) {
        BranchRun branch = run.branch;
        return new TaskRequest(state.resource(), input, state.name(), run.context(),
                branch.execution.identity().executionArn(), run.retryCount(),
                () -> branch.execution.steps.execute(attempt::beat), attempt.progress());
    }

    private static TaskScheduleFailure refusal(BranchRun branch, TaskRequest request) {
        try {
            return branch.execution.tasks.refusal(request);
        } catch (RuntimeException e) {
            return null; // an invoker that cannot tell: the call itself will answer
        }
    }

    private static CompletionStage<JsonNode> invoke(BranchRun branch, TaskRequest request, TaskState state) {
        CompletionStage<JsonNode> answer;
        try {
            answer = branch.execution.tasks.invoke(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            answer = CompletableFuture.failedFuture(StatesFailure.runtime(
                    "The task invoker gave no answer for the resource '" + state.resource() + "'"));
        }
        return answer;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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

    /** Runs work on the execution's step thread. */
    @FunctionalInterface
    private interface StepThread {
        void run(Runnable work);
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
        private boolean submitted;
        private boolean started;
        /** Completed when the task times out: what the invoker asked to run then (TaskProgress.whenTimedOut). */
        private final CompletableFuture<Void> timedOutActions = new CompletableFuture<>();

        Attempt(StateRun run, TaskState state, TaskResource resource) {
            this.run = run;
            this.state = state;
            this.resource = resource;
        }

        /** The task's progress, recorded on the execution's step thread, once each, while the task is awaited. */
        TaskProgress progress() {
            StepThread steps = run.branch.execution.steps::execute;
            return new TaskProgress() {
                @Override
                public void submitted(JsonNode response) {
                    steps.run(() -> recordSubmitted(response));
                }

                @Override
                public void started(String workerName) {
                    steps.run(() -> recordStarted(workerName));
                }

                @Override
                public void whenTimedOut(Runnable action) {
                    timedOutActions.thenRun(action);
                }
            };
        }

        private void recordSubmitted(JsonNode response) {
            if (settled || submitted || resource.lambdaFunction() || resource.activity()) {
                return;
            }
            submitted = true;
            run.guarded(() -> run.branch.record("TaskSubmitted", "taskSubmittedEventDetails", () -> {
                ObjectNode details = serviceDetails(resource);
                details.put("output", Json.compact(response == null ? JsonNodeFactory.instance.nullNode() : response));
                details.set("outputDetails", Details.notTruncated());
                return details;
            }));
        }

        private void recordStarted(String workerName) {
            if (settled || started || !resource.activity()) {
                return;
            }
            started = true;
            // Set before ActivityStarted is recorded, so the timer follows the same event as TimeoutSeconds'
            // (the replay fires the earliest timer set after the scheduled event).
            beat();
            run.guarded(() -> run.branch.record("ActivityStarted", "activityStartedEventDetails", () -> {
                ObjectNode details = JsonNodeFactory.instance.objectNode();
                if (workerName != null) {
                    details.put("workerName", workerName);
                }
                return details;
            }));
        }

        void answered(JsonNode result, Throwable error) {
            if (settled) {
                return;
            }
            settled = true;
            cancelTimers();
            if (unwrap(error) instanceof TaskRedo redo) {
                // A redrive takes the step up: the task is scheduled again, after the redrive's event.
                run.redriven(redo.afterEventId());
                return;
            }
            run.guarded(() -> {
                if (error == null) {
                    succeeded(result == null ? JsonNodeFactory.instance.nullNode() : result);
                } else if (unwrap(error) instanceof TaskScheduleFailure unscheduled && resource.activity() && !started) {
                    scheduleFailed(unscheduled.failure());
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
            // The task's answer is no longer awaited: its invoker may let go of it (a task token now times out).
            timedOutActions.complete(null);
            run.guarded(() -> {
                ObjectNode details = ownDetails();
                details.put("error", error);
                run.branch.record(prefix() + "TimedOut", detailsName("TimedOut"), () -> details);
                run.fail(new StatesFailure(error, null));
            });
        }

        /** The activity is not there: ActivityScheduleFailed with the error and cause, and the step fails. */
        void scheduleFailed(StatesFailure failure) {
            cancelTimers();
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            run.branch.record("ActivityScheduleFailed", "activityScheduleFailedEventDetails", () -> details);
            run.fail(failure);
        }

        private void succeeded(JsonNode result) {
            run.branch.record(prefix() + "Succeeded", detailsName("Succeeded"), () -> {
                        ObjectNode details = ownDetails();
                        details.put("output", Json.compact(result));
                        details.set("outputDetails", Details.notTruncated());
                        return details;
                    });
            run.succeed(result, state.transition().next());
        }

        private void failed(StatesFailure failure) {
            ObjectNode details = ownDetails();
            Details.putErrorAndCause(details, failure.error(), failure.cause());
            run.branch.record(prefix() + "Failed", detailsName("Failed"), () -> details);
            run.fail(failure);
        }

        /** AWS names a task's events by what it calls: LambdaFunction*, Activity* or Task*. */
        private String prefix() {
            return resource.lambdaFunction() ? "LambdaFunction" : resource.activity() ? "Activity" : "Task";
        }

        private String detailsName(String outcome) {
            String prefix = prefix();
            return Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1) + outcome + "EventDetails";
        }

        /** Task* events name the service and resource; Lambda and activity events do not. */
        private ObjectNode ownDetails() {
            return resource.lambdaFunction() || resource.activity()
                    ? JsonNodeFactory.instance.objectNode() : serviceDetails(resource);
        }

        private static StatesFailure asFailure(Throwable error) {
            Throwable cause = unwrap(error);
            if (cause instanceof StatesFailure failure) {
                return failure;
            }
            if (cause instanceof TaskScheduleFailure unscheduled) {
                return unscheduled.failure();
            }
            String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            return new StatesFailure(ErrorNames.TASK_FAILED, message);
        }
    }
}
