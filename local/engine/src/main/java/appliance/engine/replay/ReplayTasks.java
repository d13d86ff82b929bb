package appliance.engine.replay;

import appliance.engine.definition.Json;
import appliance.engine.error.StatesFailure;
import appliance.engine.history.HistoryEvent;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRedo;
import appliance.engine.task.TaskRequest;
import appliance.engine.task.TaskScheduleFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The task invoker of a resumed execution. While it replays, no task is called: each call waits,
 * held with the id of the event recorded just before it (its TaskStarted), for the recorded answer.
 * Calls the history has no answer for were in flight when the server stopped: once live, they are
 * made again, for real.
 */
final class ReplayTasks implements TaskInvoker {

    private record Pending(TaskRequest request, CompletableFuture<JsonNode> answer) {
    }

    private final TaskInvoker live;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    /** A call's progress events (TaskSubmitted, ActivityStarted), by id, to the id the call is held under. */
    private final Map<Long, Long> progressed = new java.util.HashMap<>();
    private volatile boolean isLive;
    private long latestEventId;

    ReplayTasks(TaskInvoker live) {
        this.live = live;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        synchronized (this) {
            if (!isLive) {
                Pending call = new Pending(request, new CompletableFuture<>());
                pending.put(latestEventId, call);
                return call.answer;
            }
        }
        return live.invoke(request);
    }

    /**
     * While replaying, the history says whether the task was scheduled: nothing is asked (a refusal
     * the history has is not replayed, a redrive cuts it off); once live, the live invoker is asked.
     */
    @Override
    public TaskScheduleFailure refusal(TaskRequest request) {
        return isLive ? live.refusal(request) : null;
    }

    void recorded(long eventId) {
        latestEventId = eventId;
    }

    /**
     * Answers the call made after event {@code afterEventId} with a recorded TaskSucceeded or
     * TaskFailed (or their LambdaFunction twins).
     *
     * @return false when no call waits there
     */
    boolean answer(long afterEventId, HistoryEvent recorded) {
        Pending call;
        synchronized (this) {
            call = pending.remove(heldUnder(afterEventId));
        }
        if (call == null) {
            return false;
        }
        ObjectNode details = recorded.details();
        if (recorded.type().endsWith("Succeeded")) {
            call.answer.complete(parse(details.path("output").asText("null")));
        } else {
            JsonNode cause = details.get("cause");
            call.answer.completeExceptionally(new StatesFailure(details.path("error").asText(null),
                    cause == null || cause.isNull() ? null : cause.asText()));
        }
        return true;
    }

    /**
     * The call made after {@code afterEventId} timed out in the original run: it is not made again.
     *
     * @return the id the call was held under (its timers were set after that event)
     */
    synchronized long forget(long afterEventId) {
        long key = heldUnder(afterEventId);
        pending.remove(key);
        return key;
    }

    /**
     * Gives the call made after {@code afterEventId} its recorded progress (a TaskSubmitted or an
     * ActivityStarted): the execution records it again, and the call's answer, recorded after it, finds it.
     *
     * @return false when no call waits there
     */
    boolean progress(long afterEventId, HistoryEvent recorded) {
        Pending call;
        synchronized (this) {
            long key = heldUnder(afterEventId);
            call = pending.get(key);
            if (call == null) {
                return false;
            }
            progressed.put(recorded.id(), key);
        }
        ObjectNode details = recorded.details();
        if ("ActivityStarted".equals(recorded.type())) {
            JsonNode worker = details == null ? null : details.get("workerName");
            call.request.progress().started(worker == null || worker.isNull() ? null : worker.asText());
        } else {
            call.request.progress().submitted(parse(details == null ? "null" : details.path("output").asText("null")));
        }
        return true;
    }

    private long heldUnder(long eventId) {
        return progressed.getOrDefault(eventId, eventId);
    }

    /**
     * A redrive went on after event {@code afterEventId}: the calls in flight there (the failed step's,
     * an aborted run's) are not made again under their first events but scheduled anew after it.
     *
     * @return whether any call was waiting
     */
    boolean redo(long afterEventId) {
        List<Pending> inFlight;
        synchronized (this) {
            inFlight = new ArrayList<>(pending.values());
            pending.clear();
            progressed.clear();
        }
        for (Pending call : inFlight) {
            call.answer.completeExceptionally(new TaskRedo(afterEventId));
        }
        return !inFlight.isEmpty();
    }

    /** Makes, for real, the calls that were in flight when the history ends. */
    void goLive() {
        List<Pending> inFlight;
        synchronized (this) {
            isLive = true;
            inFlight = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (Pending call : inFlight) {
            CompletionStage<JsonNode> answer;
            try {
                answer = live.invoke(call.request);
            } catch (RuntimeException e) {
                call.answer.completeExceptionally(e);
                continue;
            }
            answer.whenComplete((result, error) -> {
                if (error != null) {
                    call.answer.completeExceptionally(error);
                } else {
                    call.answer.complete(result);
                }
            });
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ReplayDivergedException("A recorded task result is not JSON: " + e.getOriginalMessage());
        }
    }
}
