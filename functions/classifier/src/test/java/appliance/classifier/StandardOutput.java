package appliance.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the code under test writes to standard output while captured: where Lambda reads a function's logs
 * (Powertools' JSON lines, and the embedded-metric-format lines). Each function keeps its own copy, because
 * sam build builds and tests a function folder alone; FunctionFoldersTest (local/workflow-tests) keeps the
 * copies identical.
 */
final class StandardOutput implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private StandardOutput() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    static StandardOutput capture() {
        return new StandardOutput();
    }

    /** Every line written so far, each parsed as the JSON object it must be. */
    List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("A line on standard output is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    /** The log lines with this message. */
    List<JsonNode> logged(String message) {
        return jsonLines().stream().filter(line -> message.equals(line.path("message").asText(null))).toList();
    }

    /** The embedded-metric-format lines: those with an {@code _aws.CloudWatchMetrics} directive. */
    List<JsonNode> metrics() {
        return jsonLines().stream().filter(line -> line.path("_aws").has("CloudWatchMetrics")).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
