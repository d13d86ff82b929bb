package appliance.runtime.mocktest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code test-cases.json}: for each test case of the mock config, the input it runs on
 * ({@code input}, or {@code inputFile} relative to the project root) and what it must end in
 * ({@code expect}: status, error, cause, output fields, path, retries). A test case of the mock config
 * that the file does not name runs on {} and is only checked for ending.
 */
public final class MockTestCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MockTestCases() {
    }

    public static List<MockTestCase> of(List<String> mockedCaseNames, JsonNode file, Path projectRoot) {
        JsonNode cases = file == null ? JSON.createObjectNode() : file.path("TestCases");
        List<MockTestCase> result = new ArrayList<>();
        for (String name : mockedCaseNames) {
            JsonNode entry = cases.path(name);
            result.add(new MockTestCase(name, input(name, entry, projectRoot), expectation(name, entry.get("expect"))));
        }
        return result;
    }

    private static JsonNode input(String name, JsonNode entry, Path projectRoot) {
        if (entry.has("input")) {
            return entry.get("input");
        }
        if (entry.has("inputFile")) {
            Path file = projectRoot.resolve(entry.get("inputFile").asText());
            try {
                return JSON.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("Test case " + name + ": cannot read its inputFile " + file + ": " + e.getMessage());
            }
        }
        return JSON.createObjectNode();
    }

    private static Expectation expectation(String name, JsonNode expect) {
        if (expect == null) {
            return null;
        }
        if (!expect.isObject()) {
            throw new IllegalArgumentException("Test case " + name + ": 'expect' must be an object");
        }
        List<String> path = null;
        if (expect.has("path")) {
            path = new ArrayList<>();
            for (JsonNode state : expect.get("path")) {
                path.add(state.asText());
            }
        }
        Map<String, Integer> retries = new HashMap<>();
        expect.path("retries").properties().forEach(entry -> retries.put(entry.getKey(), entry.getValue().asInt()));
        return new Expectation(text(expect, "status"), text(expect, "error"), text(expect, "cause"), expect.get("output"),
                path, retries);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
