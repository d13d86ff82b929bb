package appliance.runtime.app;

import appliance.engine.history.HistoryEvent;
import appliance.engine.history.StateVisit;
import appliance.engine.history.StateVisits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution's states for a person, in the order entered (states of Map iterations and Parallel
 * branches as they were entered), each with its duration and a short word on its result. The history is
 * read by the engine's one reader of state visits, {@link StateVisits}; this only words what it read.
 */
public final class StateSteps {

    private static final int SUMMARY_LENGTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateSteps() {
    }

    public static List<StateStep> of(List<HistoryEvent> history) {
        List<StateVisit> visits = StateVisits.of(history);
        List<StateStep> steps = new ArrayList<>(visits.size());
        for (StateVisit visit : visits) {
            steps.add(step(visit, visits));
        }
        return steps;
    }

    private static StateStep step(StateVisit visit, List<StateVisit> visits) {
        String status = visit.status().name();
        String summary;
        if (visit.failedLast() && visit.lastFailure() != null) {
            summary = errorText(visit.lastFailure());
        } else if (visit.exited() == null) {
            summary = visit.executionEnd() != null && visit.status() == StateVisit.Status.FAILED
                    ? errorText(visit.executionEnd()) : "";
        } else if (visit.type().equals("Choice")) {
            summary = chosen(visit, visits);
        } else if (visit.taskResult() != null) {
            summary = taskResult(visit.taskResult());
        } else {
            summary = shorten(visit.exited().details().path("output").asText(""));
        }
        if (visit.retries() > 0) {
            summary = summary + " (after " + visit.retries() + (visit.retries() == 1 ? " retry)" : " retries)");
        }
        Duration duration = visit.endedAt() == null ? Duration.ZERO
                : Duration.between(visit.entered().timestamp(), visit.endedAt());
        return new StateStep(visit.name(), visit.type(), visit.entered().timestamp(), duration, status, summary,
                visit.retries());
    }

    /** A Choice's word: the state it went on to ("→ Next"). */
    private static String chosen(StateVisit choice, List<StateVisit> visits) {
        long exitId = choice.exited().id();
        return visits.stream().filter(next -> next.entered().previousEventId() == exitId).findFirst()
                .map(next -> "→ " + next.name())
                .orElse(shorten(choice.exited().details().path("output").asText("")));
    }

    private static String shorten(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** What a task returned; for a Lambda invoked through the integration, the function's own Payload. */
    private static String taskResult(HistoryEvent event) {
        JsonNode details = event.details();
        if (details == null || !details.has("output")) {
            return "";
        }
        String output = details.get("output").asText();
        try {
            JsonNode parsed = JSON.readTree(output);
            if (parsed != null && parsed.has("Payload") && parsed.has("StatusCode")) {
                return shorten(parsed.get("Payload").toString());
            }
        } catch (JsonProcessingException notJson) {
            // shown as it is
        }
        return shorten(output);
    }

    private static String errorText(HistoryEvent event) {
        JsonNode details = event.details();
        if (details == null) {
            return event.type();
        }
        String error = details.path("error").asText("");
        String cause = details.path("cause").asText("");
        return shorten(cause.isEmpty() ? error : error + ": " + cause);
    }
}
