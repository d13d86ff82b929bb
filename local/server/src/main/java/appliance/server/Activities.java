package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskScheduleFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Activities: CreateActivity, DescribeActivity, ListActivities, DeleteActivity (each kept in the store,
 * so they outlive a restart), GetActivityTask (a worker's long poll, 60 s as AWS's unless the server is
 * told otherwise), and the Task states whose Resource is an activity ARN: their task waits in the
 * activity's queue until a worker takes it (ActivityStarted), then for the worker's SendTaskSuccess or
 * SendTaskFailure with the task's token.
 */
final class Activities {

    /** AWS's long poll: GetActivityTask answers within 60 seconds, with no task when none came. */
    static final Duration AWS_POLL_LIMIT = Duration.ofSeconds(60);
    private static final Duration SAVE_WAIT = Duration.ofSeconds(30);

    private final ExecutionStore store;
    private final Arns arns;
    private final TaskTokens tokens;
    private final Clock clock;
    private final Map<String, ActivityRecord> byArn = new LinkedHashMap<>();
    private final Map<String, ActivityQueue> queues = new ConcurrentHashMap<>();
    private volatile Duration pollLimit = AWS_POLL_LIMIT;
    /** Where activities' tags are kept with the state machines' (TagResource, ListTagsForResource); null: nowhere. */
    private volatile Tags tagStore;

    Activities(ExecutionStore store, Arns arns, TaskTokens tokens, Clock clock) {
        this.store = store;
        this.arns = arns;
        this.tokens = tokens;
        this.clock = clock;
        for (ObjectNode row : store.activities()) {
            ActivityRecord activity = fromRow(row);
            byArn.put(activity.arn(), activity);
        }
    }

    /** How long GetActivityTask waits for a task (tests set a short one rather than sleeping 60 s). */
    void pollLimit(Duration limit) {
        this.pollLimit = limit;
    }

    /** Keep the tags CreateActivity gives, and drop them at DeleteActivity, in {@code tags}. */
    void keepTagsIn(Tags tags) {
        this.tagStore = tags;
    }

    ObjectNode create(Request request) {
        String name = request.requiredString("name");
        Names.check(name, "name");
        Map<String, String> tags = tags(request.get("tags"));
        String arn = arns.activity(name);
        ActivityRecord activity;
        CompletableFuture<Void> saved;
        synchronized (this) {
            activity = byArn.get(arn);
            // Idempotent by name, as AWS: a second CreateActivity returns the first (its tags are ignored).
            if (activity == null) {
                activity = new ActivityRecord(arn, name, clock.instant(), tags);
                saved = store.saveActivity(toRow(activity));
                byArn.put(arn, activity);
                if (tagStore != null && !tags.isEmpty()) {
                    tagStore.add(arn, tags);
                }
            } else {
                saved = store.durable();
            }
        }
        await(saved);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("activityArn", activity.arn());
        response.put("creationDate", EpochSeconds.of(activity.creationDate()));
        return response;
    }

    ObjectNode describe(Request request) {
        ActivityRecord activity = require(request.requiredString("activityArn"));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("activityArn", activity.arn());
        response.put("name", activity.name());
        response.put("creationDate", EpochSeconds.of(activity.creationDate()));
        return response;
    }

    ObjectNode list(Request request) {
        int max = request.maxResults();
        String scope = "ListActivities";
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        List<ActivityRecord> all;
        synchronized (this) {
            all = new ArrayList<>(byArn.values());
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("activities");
        int start = (int) Math.min(from, all.size());
        int end = Math.min(all.size(), start + max);
        for (ActivityRecord activity : all.subList(start, end)) {
            ObjectNode item = items.addObject();
            item.put("activityArn", activity.arn());
            item.put("name", activity.name());
            item.put("creationDate", EpochSeconds.of(activity.creationDate()));
        }
        if (end < all.size()) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    ObjectNode delete(Request request) {
        String arn = request.requiredString("activityArn");
        arns.activityName(arn);
        CompletableFuture<Void> saved;
        synchronized (this) {
            byArn.remove(arn);
            saved = store.deleteActivity(arn);
            if (tagStore != null) {
                tagStore.forget(arn);
            }
        }
        await(saved);
        return JsonNodeFactory.instance.objectNode();
    }

    /** A worker's long poll: the next task of the activity, or an empty answer when none came in time. */
    ObjectNode getActivityTask(Request request) {
        ActivityRecord activity = require(request.requiredString("activityArn"));
        String workerName = request.optionalString("workerName", Names.MAX_LENGTH);
        ActivityQueue queue = queue(activity.arn());
        Instant deadline = clock.instant().plus(pollLimit);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        while (true) {
            String token;
            try {
                token = queue.take(Duration.between(clock.instant(), deadline));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            if (token == null) {
                return response;
            }
            TaskRequest task = tokens.waitingRequest(token);
            if (task == null) {
                continue; // it timed out, or its execution ended, while it waited for a worker
            }
            task.progress().started(workerName);
            response.put("taskToken", token);
            response.put("input", Json.compact(task.parameters()));
            return response;
        }
    }

    /** A Task state's call of an activity: it waits for a worker, then for the worker's answer. */
    CompletionStage<JsonNode> schedule(TaskRequest request) {
        String arn = request.resource();
        TaskScheduleFailure refused = refusal(request);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused); // deleted since the task was scheduled
        }
        CompletableFuture<JsonNode> answer = tokens.await(request, CompletableFuture.completedFuture(null));
        if (!answer.isDone()) {
            queue(arn).offer(request.taskToken());
        }
        return answer;
    }

    /**
     * Whether a Task state's activity can be scheduled: null when it can, else the answer that it cannot
     * (AWS writes ActivityScheduleFailed and the execution fails).
     */
    TaskScheduleFailure refusal(TaskRequest request) {
        String arn = request.resource();
        synchronized (this) {
            if (byArn.containsKey(arn)) {
                return null;
            }
        }
        return new TaskScheduleFailure(StatesFailure.runtime("The activity '" + arn
                + "' does not exist: create it with CreateActivity before a Task state uses it"));
    }

    /** The activity's tags as CreateActivity gave them. */
    synchronized Map<String, String> tags(String activityArn) {
        ActivityRecord activity = byArn.get(activityArn);
        return activity == null ? Map.of() : activity.tags();
    }

    /** The activity, or null when there is none (for the tag actions). */
    synchronized ActivityRecord find(String activityArn) {
        return byArn.get(activityArn);
    }

    private ActivityQueue queue(String arn) {
        return queues.computeIfAbsent(arn, key -> new ActivityQueue());
    }

    private ActivityRecord require(String arn) {
        arns.activityName(arn);
        synchronized (this) {
            ActivityRecord activity = byArn.get(arn);
            if (activity == null) {
                throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
            }
            return activity;
        }
    }

    private static Map<String, String> tags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return Map.of();
        }
        if (!tags.isArray()) {
            throw ApiException.validation("Field 'tags' must be a list of {key, value}");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            JsonNode key = tag.get("key");
            JsonNode value = tag.get("value");
            if (key == null || !key.isTextual() || key.asText().isEmpty() || key.asText().length() > 128) {
                throw ApiException.validation("Each tag needs a 'key' of 1 to 128 characters");
            }
            if (value != null && (!value.isTextual() || value.asText().length() > 256)) {
                throw ApiException.validation("The value of the tag '" + key.asText() + "' must be text of at most 256 characters");
            }
            result.put(key.asText(), value == null ? "" : value.asText());
        }
        if (result.size() > 50) {
            throw ApiException.validation("At most 50 tags are allowed on a resource");
        }
        return Collections.unmodifiableMap(result);
    }

    private static ObjectNode toRow(ActivityRecord activity) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("arn", activity.arn());
        row.put("name", activity.name());
        row.put("created", activity.creationDate().toEpochMilli());
        ObjectNode tags = row.putObject("tags");
        activity.tags().forEach(tags::put);
        return row;
    }

    private static ActivityRecord fromRow(ObjectNode row) {
        Map<String, String> tags = new LinkedHashMap<>();
        row.path("tags").fields().forEachRemaining(entry -> tags.put(entry.getKey(), entry.getValue().asText()));
        return new ActivityRecord(row.get("arn").asText(), row.get("name").asText(),
                Instant.ofEpochMilli(row.get("created").asLong()), Collections.unmodifiableMap(tags));
    }

    private static void await(CompletableFuture<Void> saved) {
        try {
            saved.get(SAVE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("InternalFailure", "Interrupted while saving the activity");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException("InternalFailure", "The activity could not be saved: " + e.getMessage());
        }
    }
}
