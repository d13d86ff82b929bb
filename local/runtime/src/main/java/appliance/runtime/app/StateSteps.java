package appliance.runtime.app;

import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an execution's history (AWS's events) into the states it went through, in the order entered,
 * each with its duration and a short word on its result. States of Map iterations and Parallel
 * branches are listed as they were entered.
 */
public final class StateSteps {

    private static final int SUMMARY_LENGTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateSteps() {
    }

    public static List<StateStep> of(List<HistoryEvent> history) {
        List<Step> steps = new ArrayList<>();
        Map<String, Deque<Step>> open = new HashMap<>();
        Step latest = null;
        for (HistoryEvent event : history) {
            String type = event.type();
            if (type.endsWith("StateEntered")) {
                Step step = new Step(event, type.substring(0, type.length() - "StateEntered".length()));
                if (latest != null && latest.type.equals("Choice")) {
                    latest.summary = "→ " + step.name;
                }
                steps.add(step);
                open.computeIfAbsent(step.name, name -> new ArrayDeque<>()).addLast(step);
                latest = step;
            } else if (type.endsWith("StateExited")) {
                Deque<Step> entered = open.get(event.details().path("name").asText());
                if (entered != null && !entered.isEmpty()) {
                    entered.removeFirst().exited(event);
                }
            } else if (type.startsWith("Execution")) {
                if (!type.equals("ExecutionStarted") && !type.equals("ExecutionSucceeded")) {
                    steps.stream().filter(step -> step.exitedAt == null).forEach(step -> step.endedWithExecution(event));
                }
            } else if (latest != null && (type.endsWith("Failed") || type.endsWith("TimedOut"))) {
                latest.failed(event);
            } else if (latest != null && type.endsWith("Succeeded")) {
                latest.failure = null;
                latest.result = taskResult(event);
            } else if (latest != null && (type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled"))) {
                latest.attempts++;
            }
        }
        return steps.stream().map(Step::build).toList();
    }

    private static String shorten(String text) {
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** What a task returned; for a Lambda invoked through the integration, the function's own Payload. */
    private static String taskResult(HistoryEvent event) {
        JsonNode details = event.details();
        if (details == null || !details.has("output")) {
            return null;
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

    private static final class Step {
        final HistoryEvent entered;
        final String name;
        final String type;
        Instant exitedAt;
        String status = "RUNNING";
        String summary;
        String failure;
        String result;
        int attempts;

        Step(HistoryEvent entered, String type) {
            this.entered = entered;
            this.type = type;
            this.name = entered.details().path("name").asText();
        }

        void failed(HistoryEvent event) {
            failure = errorText(event);
        }

        void exited(HistoryEvent event) {
            exitedAt = event.timestamp();
            // A state that exits after an error that was not retried away had it taken on by a Catch.
            status = failure == null ? "SUCCEEDED" : "CAUGHT";
            if (summary == null) {
                summary = failure != null ? failure
                        : result != null ? result : shorten(event.details().path("output").asText(""));
            }
        }

        void endedWithExecution(HistoryEvent executionEnd) {
            exitedAt = executionEnd.timestamp();
            status = "FAILED";
            summary = failure != null ? failure : errorText(executionEnd);
        }

        StateStep build() {
            Duration duration = exitedAt == null ? Duration.ZERO : Duration.between(entered.timestamp(), exitedAt);
            String text = summary == null ? "" : summary;
            int retries = Math.max(0, attempts - 1);
            if (retries > 0) {
                text = text + " (after " + retries + (retries == 1 ? " retry)" : " retries)");
            }
            return new StateStep(name, type, entered.timestamp(), duration, status, text, retries);
        }
    }
}
