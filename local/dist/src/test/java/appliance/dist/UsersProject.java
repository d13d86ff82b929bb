package appliance.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A user's own project (the greeter, in the test resources), copied to a folder outside this repository. */
final class UsersProject {

    private UsersProject() {
    }

    static Path copyTo(Path folder) throws IOException {
        Path source;
        try {
            source = Path.of(UsersProject.class.getResource("/greeter-project/template.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path target = folder.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return folder;
    }
}
