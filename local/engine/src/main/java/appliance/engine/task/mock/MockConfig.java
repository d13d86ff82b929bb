package appliance.engine.task.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS Step Functions Local MockConfigFile, compiled:
 * {@code StateMachines.<machine>.TestCases.<case>.<state> -> <response name>} and
 * {@code MockedResponses.<response name>.<"0" | "1-2">: {Return: …} | {Throw: {Error, Cause}}}.
 */
public record MockConfig(Map<String, Map<String, Map<String, String>>> testCases,
        Map<String, List<MockedAnswer>> responses) {

    /** One entry of a mocked response: for invocations {@code from}..{@code to} (0-based, inclusive). */
    public record MockedAnswer(int from, int to, JsonNode returned, String error, String cause) {

        public boolean isThrow() {
            return returned == null;
        }
    }

    /**
     * @throws IllegalArgumentException naming the part of the file that is wrong
     */
    public static MockConfig parse(JsonNode file) {
        if (file == null || !file.isObject()) {
            throw new IllegalArgumentException("A mock config must be a JSON object with StateMachines and MockedResponses");
        }
        Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> machine : file.path("StateMachines").properties()) {
            Map<String, Map<String, String>> cases = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> testCase : machine.getValue().path("TestCases").properties()) {
                Map<String, String> states = new LinkedHashMap<>();
                testCase.getValue().properties().forEach(s -> states.put(s.getKey(), s.getValue().asText()));
                cases.put(testCase.getKey(), states);
            }
            machines.put(machine.getKey(), cases);
        }
        Map<String, List<MockedAnswer>> responses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> response : file.path("MockedResponses").properties()) {
            List<MockedAnswer> answers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> answer : response.getValue().properties()) {
                answers.add(answer(response.getKey(), answer.getKey(), answer.getValue()));
            }
            responses.put(response.getKey(), answers);
        }
        return new MockConfig(machines, responses);
    }

    private static MockedAnswer answer(String response, String range, JsonNode body) {
        int from;
        int to;
        try {
            int dash = range.indexOf('-');
            from = Integer.parseInt(dash < 0 ? range.trim() : range.substring(0, dash).trim());
            to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MockedResponses." + response + ": '" + range
                    + "' is not an invocation number or range such as \"0\" or \"1-2\"");
        }
        if (body.has("Return")) {
            return new MockedAnswer(from, to, body.get("Return"), null, null);
        }
        if (body.has("Throw")) {
            JsonNode thrown = body.get("Throw");
            return new MockedAnswer(from, to, null, thrown.path("Error").asText(null), thrown.path("Cause").asText(null));
        }
        throw new IllegalArgumentException("MockedResponses." + response + "." + range + ": needs Return or Throw");
    }

    /** The single state machine's name, for files that mock one machine (as conformance lines do). */
    public String onlyStateMachine() {
        if (testCases.size() != 1) {
            throw new IllegalArgumentException("The mock config names " + testCases.size()
                    + " state machines; say which one to use");
        }
        return testCases.keySet().iterator().next();
    }
}
