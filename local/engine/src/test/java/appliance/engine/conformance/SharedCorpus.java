package appliance.engine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AWS-recorded corpus in {@code ../shared/conformance/}, and the ratchet files that go with it. */
final class SharedCorpus {

    private SharedCorpus() {
    }

    /**
     * {@code ../shared/conformance/FILE} next to the repository root (system property project.root, else
     * the working dir), or above it; null where the folder is absent (as on a user's clone).
     */
    static Path find(String fileName) {
        String root = System.getProperty("project.root");
        Path start = (root == null || root.isBlank() ? Path.of("") : Path.of(root)).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("conformance").resolve(fileName);
            if (dir.getParent() != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Case name to reason, from a class-path resource with one {@code name # reason} a line. */
    static Map<String, String> knownDeviations(String resource) throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = SharedCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int hash = line.indexOf(" # ");
                known.put((hash < 0 ? line : line.substring(0, hash)).trim(), hash < 0 ? "" : line.substring(hash + 3).trim());
            }
        }
        return known;
    }
}
