package appliance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/appliance decides by itself whether to build: it must rebuild after a source or pom change and not otherwise.
 * Run on a copy of the script in a project tree of its own, with stand-ins for mvn and java on the PATH that only
 * write down that they ran (a real nested build here would take minutes and install into the local repository).
 * Times are set on the files, not waited for.
 */
class LaunchScriptRebuildTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path project;

    private Path calls;

    @BeforeEach
    void aBuiltProject() throws IOException {
        Path script = project.resolve("bin/appliance");
        Files.createDirectories(script.getParent());
        Files.copy(UserProcess.root().resolve("bin/appliance"), script);
        executable(script);
        write("pom.xml", "<project/>", BUILT.minusSeconds(60));
        write("local/engine/src/main/java/Engine.java", "class Engine {}", BUILT.minusSeconds(60));
        write("functions/classifier/src/main/java/Classifier.java", "class Classifier {}", BUILT.minusSeconds(60));
        write("local/cli/target/cli-1.0.0-SNAPSHOT.jar", "jar", BUILT);
        write("local/cli/target/classpath.txt", "", BUILT);
        write("local/cli/target/appliance.jsa", "archive", BUILT);
        write("local/cli/target/.appliance-built", "", BUILT);
        calls = project.resolve("calls.log");
        Path fakes = Files.createDirectories(project.resolve("fake-bin"));
        for (String program : new String[] {"mvn", "java"}) {
            Path fake = fakes.resolve(program);
            Files.writeString(fake, "#!/bin/sh\necho " + program + " >> '" + calls + "'\n");
            executable(fake);
        }
        settleFolders();
    }

    /**
     * Folders too: creating a file updates its folder's time, and a folder under src/ counts as a change (a deleted
     * source shows only there).
     */
    private void settleFolders() throws IOException {
        try (var paths = Files.walk(project)) {
            for (Path folder : (Iterable<Path>) paths.filter(Files::isDirectory)::iterator) {
                Files.setLastModifiedTime(folder, FileTime.from(BUILT.minusSeconds(60)));
            }
        }
    }

    @Test
    void nothing_changed_since_the_last_build_runs_no_build() throws IOException {
        ProcessResult run = runScript();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).doesNotContain("building");
        assertThat(Files.readAllLines(calls)).containsExactly("java");
    }

    @Test
    void a_changed_source_file_is_rebuilt_before_the_command_runs() throws IOException {
        write("local/engine/src/main/java/Engine.java", "class Engine { int changed; }", BUILT.plusSeconds(60));

        ProcessResult run = runScript();

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.err()).contains("bin/appliance: building (first run or sources changed)");
        assertThat(Files.readAllLines(calls)).containsExactly("mvn", "java");
    }

    @Test
    void a_new_source_file_in_a_function_and_a_changed_pom_are_rebuilt_too() throws IOException {
        write("functions/classifier/src/main/java/NewHelper.java", "class NewHelper {}", BUILT.plusSeconds(60));
        assertThat(runScript().err()).contains("building");

        write("local/cli/target/.appliance-built", "", BUILT.plusSeconds(120));
        write("pom.xml", "<project><!-- changed --></project>", BUILT.plusSeconds(180));
        assertThat(runScript().err()).contains("building");
    }

    @Test
    void a_deleted_source_file_is_rebuilt_too() throws IOException {
        Files.delete(project.resolve("local/engine/src/main/java/Engine.java"));

        assertThat(runScript().err()).contains("building");
    }

    @Test
    void what_a_build_writes_under_target_does_not_start_another_build() throws IOException {
        write("local/engine/target/classes/Engine.class", "bytes", BUILT.plusSeconds(60));

        assertThat(runScript().err()).doesNotContain("building");
    }

    @Test
    void python_bytecode_written_beside_test_functions_does_not_start_a_build() throws IOException {
        write("local/runtime/src/test/resources/python/app.py", "def handler(event, context): return event", BUILT.minusSeconds(60));
        write("local/runtime/src/test/resources/python/__pycache__/app.cpython-311.pyc", "bytes", BUILT.minusSeconds(60));
        settleFolders();
        write("local/runtime/src/test/resources/python/__pycache__/app.cpython-311.pyc", "new bytes", BUILT.plusSeconds(60));

        assertThat(runScript().err()).doesNotContain("building");
    }

    private ProcessResult runScript() {
        return UserProcess.of(project.resolve("bin/appliance").toString(), "--version")
                .withEnvironment("APPLIANCE_SKIP_BUILD", "")
                .withEnvironment("PATH", project.resolve("fake-bin") + ":" + System.getenv("PATH"))
                .run();
    }

    private void write(String relative, String text, Instant modified) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
