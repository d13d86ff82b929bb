package appliance.runtime.app;

import appliance.engine.history.HistoryEvent;
import appliance.runtime.cost.ExecutionUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Meters an execution as AWS bills it, from its history and what it did outside the state machine. */
final class Usage {

    private Usage() {
    }

    static ExecutionUsage of(List<HistoryEvent> history, List<StateStep> steps, int definitionBytes,
                             ExecutionActivity activity) {
        // Step Functions bills each state entered, and each retry of a task as one more transition.
        int transitions = steps.size() + steps.stream().mapToInt(StateStep::retries).sum();
        int largestPayload = 0;
        for (HistoryEvent event : history) {
            if (event.type().endsWith("StateEntered")) {
                largestPayload = Math.max(largestPayload, size(event.details().get("input")));
            } else if (event.type().endsWith("StateExited")) {
                largestPayload = Math.max(largestPayload, size(event.details().get("output")));
            }
        }
        long durationMillis = history.size() < 2 ? 0
                : Duration.between(history.get(0).timestamp(), history.get(history.size() - 1).timestamp()).toMillis();
        return new ExecutionUsage(transitions, durationMillis, definitionBytes, largestPayload,
                activity.lambdaInvocations(), activity.snsPublishes());
    }

    private static int size(JsonNode text) {
        return text == null ? 0 : text.asText().getBytes(StandardCharsets.UTF_8).length;
    }
}
