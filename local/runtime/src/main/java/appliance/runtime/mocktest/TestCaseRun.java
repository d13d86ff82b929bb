package appliance.runtime.mocktest;

import appliance.engine.history.HistoryEvent;
import appliance.engine.run.ExecutionResult;
import java.util.List;
import java.util.Map;

/**
 * How one mock test case ran: its result, the states it entered in order, how often each task retried,
 * its history, and every way it differs from its expectation (none when it passed).
 */
public record TestCaseRun(String name, ExecutionResult result, List<String> path, Map<String, Integer> retries,
                          List<HistoryEvent> history, List<String> mismatches) {

    public TestCaseRun {
        path = List.copyOf(path);
        retries = Map.copyOf(retries);
        history = List.copyOf(history);
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
