package appliance.engine.jsonata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS-recorded cases in {@code ../shared/conformance/aws-recorded-cases.jsonl}, relative to the
 * repository root (system property {@code project.root}, else found by walking up from the working
 * directory). A git worktree sits deeper than the main checkout, so each ancestor of the root is tried.
 * Tests that use it are skipped where the folder is absent, as on a user's clone.
 */
final class ConformanceCorpus {

    static final String FILE = "aws-recorded-cases.jsonl";

    private ConformanceCorpus() {
    }

    /** Every case, one JSON object each; skips the calling test when the corpus is not there. */
    static List<JsonNode> load() {
        Path file = locate();
        assumeTrue(file != null, "the conformance corpus (../shared/conformance/" + FILE + ") is not present");
        try {
            List<JsonNode> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    cases.add(Json.MAPPER.readTree(line));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        Path root = projectRoot();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path projectRoot() {
        String property = System.getProperty("project.root");
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("local").resolve("engine"))) {
                return candidate;
            }
        }
        return dir;
    }
}
