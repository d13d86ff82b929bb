package appliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are: bin/appliance passes the root; otherwise the working directory. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        String root = System.getProperty("appliance.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    }

    /** A path as the user typed it: relative to the working directory, or failing that to the project root. */
    static Path resolve(String userPath) {
        Path path = Path.of(userPath);
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        Path inProject = root().resolve(userPath);
        return Files.exists(inProject) ? inProject : path;
    }
}
