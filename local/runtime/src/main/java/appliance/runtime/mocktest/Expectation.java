package appliance.runtime.mocktest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a mock test case must end in: its status, and where given its error, cause, the fields its output
 * must have, the states it enters in order, and how often a state retries. Absent parts are not checked.
 */
public record Expectation(String status, String error, String cause, JsonNode output, List<String> path,
                          Map<String, Integer> retries) {

    public Expectation {
        path = path == null ? null : List.copyOf(path);
        retries = retries == null ? Map.of() : Map.copyOf(retries);
    }

    /** Every way the run differs from this expectation, each in a sentence; empty when it passed. */
    List<String> mismatches(TestCaseRun run) {
        List<String> problems = new ArrayList<>();
        String actualStatus = run.result().status().name();
        if (status != null && !status.equals(actualStatus)) {
            problems.add("status is " + actualStatus + ", expected " + status
                    + (run.result().error() == null ? "" : " (" + run.result().error() + ": " + run.result().cause() + ")"));
        }
        if (error != null && !error.equals(run.result().error())) {
            problems.add("error is " + run.result().error() + ", expected " + error);
        }
        if (cause != null && !cause.equals(run.result().cause())) {
            problems.add("cause is '" + run.result().cause() + "', expected '" + cause + "'");
        }
        if (output != null) {
            JsonNode actual = run.result().output();
            output.properties().forEach(field -> {
                JsonNode value = actual == null ? null : actual.get(field.getKey());
                if (!field.getValue().equals(value)) {
                    problems.add("output." + field.getKey() + " is " + value + ", expected " + field.getValue());
                }
            });
        }
        if (path != null && !path.equals(run.path())) {
            problems.add("path is " + run.path() + ", expected " + path);
        }
        retries.forEach((state, count) -> {
            int actual = run.retries().getOrDefault(state, 0);
            if (actual != count) {
                problems.add(state + " retried " + actual + " times, expected " + count);
            }
        });
        return problems;
    }
}
