package appliance.server;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The callback pattern: a {@code .waitForTaskToken} Task calls its service (the same resource without
 * the suffix: {@code lambda:invoke}, {@code sns:publish}, {@code sqs:sendMessage},
 * {@code states:startExecution}, ...), records TaskSubmitted with that call's response, then waits
 * until someone sends its token back with SendTaskSuccess or SendTaskFailure; SendTaskHeartbeat keeps
 * a task with HeartbeatSeconds alive. Also the token actions for activity workers.
 */
final class Callbacks {

    static final String SUFFIX = ".waitForTaskToken";
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final int MAX_OUTPUT_BYTES = 262_144;

    /** How long SendTaskSuccess/Failure wait for the answer to be written. */
    private static final long SAVE_WAIT_SECONDS = 30;

    private final TaskTokens tokens;
    private final java.util.function.Supplier<CompletableFuture<Void>> durable;

    /** @param durable completes once everything written so far is on disk (the store's) */
    Callbacks(TaskTokens tokens, java.util.function.Supplier<CompletableFuture<Void>> durable) {
        this.tokens = tokens;
        this.durable = durable;
    }

    /** Calls the service of a callback task through {@code service}, then waits for the token. */
    CompletionStage<JsonNode> invoke(TaskRequest request, TaskInvoker service) {
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        CompletableFuture<JsonNode> answer = tokens.await(request, submitted);
        if (answer.isDone()) {
            return answer;
        }
        String resource = request.resource();
        CompletionStage<JsonNode> call;
        try {
            call = service.invoke(request.withResource(resource.substring(0, resource.length() - SUFFIX.length())));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((response, error) -> {
            if (error != null) {
                // The service call failed: the task fails with its error, and the token is closed.
                answer.completeExceptionally(error);
            } else {
                request.progress().submitted(response);
            }
            submitted.complete(null);
        });
        return answer;
    }

    ObjectNode sendTaskSuccess(Request request) {
        String token = token(request);
        String output = request.requiredString("output");
        if (output.getBytes(StandardCharsets.UTF_8).length > MAX_OUTPUT_BYTES) {
            throw ApiException.constraint(output.substring(0, 40) + "...", "output",
                    "Member must have length less than or equal to " + MAX_OUTPUT_BYTES);
        }
        JsonNode parsed = JsonText.parse(output, "InvalidOutput", "Invalid Output: '");
        awaitDurable(tokens.succeed(token, parsed));
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode sendTaskFailure(Request request) {
        String token = token(request);
        String error = request.optionalString("error", 256);
        String cause = request.optionalString("cause", 32_768);
        awaitDurable(tokens.fail(token, error, cause));
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode sendTaskHeartbeat(Request request) {
        tokens.heartbeat(token(request));
        return JsonNodeFactory.instance.objectNode();
    }

    /** The answer is given once the event it made is on disk, as every change the server answers. */
    private void awaitDurable(CompletableFuture<Void> recorded) {
        try {
            recorded.thenCompose(done -> durable.get()).get(SAVE_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("InternalFailure", "Interrupted while saving the task's answer");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ApiException("InternalFailure", "The task's answer could not be saved within "
                    + SAVE_WAIT_SECONDS + " s");
        }
    }

    private static String token(Request request) {
        String token = request.requiredString("taskToken");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw ApiException.constraint(token.length() > 40 ? token.substring(0, 40) + "..." : token, "taskToken",
                    "Member must have length between 1 and " + MAX_TOKEN_LENGTH);
        }
        return token;
    }
}
