package appliance.engine.intrinsic;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS-recorded conformance cases in {@code ../shared/conformance/}, found from the repository root
 * (system property {@code project.root}, else the working directory) or any folder above it; tests
 * that use them are skipped where the folder is absent, as on a user's clone.
 */
public final class RecordedCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "shared/conformance/aws-recorded-cases.jsonl";

    private RecordedCases() {
    }

    /** One recorded execution: name, definition, input and the expected status, output or error and cause. */
    public record RecordedCase(String name, JsonNode definition, JsonNode input, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case, or an aborted (skipped) test when the corpus is absent. */
    public static List<RecordedCase> all() {
        Path file = locate();
        assumeTrue(file != null, "the conformance corpus ../shared/conformance is absent");
        List<RecordedCase> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                cases.add(new RecordedCase(node.path("name").asText(), node.get("definition"), node.get("input"),
                        node.get("expected")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Path locate() {
        String root = System.getProperty("project.root");
        Path start = Paths.get(root != null && !root.isBlank() ? root : System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling(FILE);
            if (dir.getParent() != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
            Path below = dir.resolve(FILE);
            if (Files.isRegularFile(below)) {
                return below;
            }
        }
        return null;
    }

    /** True when both are the same JSON, numbers compared by value ({@code 1} equals {@code 1.0}). */
    public static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray() || a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!sameJson(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            var names = a.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!sameJson(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
