package appliance.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events this function's tests use: copies of the project's events/ in src/test/resources/events
 * (the function folder is built alone by sam build); FunctionFoldersTest keeps them equal to the originals.
 */
final class SampleEvents {

    private SampleEvents() {
    }

    static byte[] bytes(String fileName) {
        try (InputStream in = SampleEvents.class.getResourceAsStream("/events/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample event " + fileName + " in src/test/resources/events");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the sample events whose file name starts with the prefix, in name order. */
    static List<String> named(String prefix) {
        try (Stream<Path> files = Files.list(Path.of(SampleEvents.class.getResource("/events").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
