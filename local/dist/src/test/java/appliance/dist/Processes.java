package appliance.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Commands a user runs (python3, make, aws, java -jar), run to their end in a folder with an environment. */
final class Processes {

    private Processes() {
    }

    /** What a command did: its exit code and everything it printed (stdout and stderr together). */
    record Result(int exitCode, String output) {
    }

    /** Runs the command to its end (at most three minutes). */
    static Result run(Path folder, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within three minutes");
        }
        return new Result(process.exitValue(), output.join());
    }

    /** True when {@code command} is an executable on the PATH. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (new File(folder, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** True when python3 is installed and imports every module named. */
    static boolean pythonHas(String... modules) throws IOException, InterruptedException {
        return onPath("python3") && run(Path.of("."), Map.of(), List.of("python3", "-c", "import " + String.join(", ", modules)))
                .exitCode() == 0;
    }
}
