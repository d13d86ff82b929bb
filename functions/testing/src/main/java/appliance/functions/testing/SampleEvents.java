package appliance.functions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample events in the project's {@code events/} folder, which the tests share with users. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** The project's root folder: Maven passes it to the tests; otherwise the nearest folder up with events/. */
    public static Path projectRoot() {
        String configured = System.getProperty("project.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "events"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root (a folder with events/ and template.yaml)");
    }

    public static Path path(String fileName) {
        return projectRoot().resolve("events").resolve(fileName);
    }

    public static byte[] bytes(String fileName) {
        try {
            return Files.readAllBytes(path(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the sample events whose file name starts with the prefix, in name order. */
    public static List<String> named(String prefix) {
        try (Stream<Path> files = Files.list(projectRoot().resolve("events"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
