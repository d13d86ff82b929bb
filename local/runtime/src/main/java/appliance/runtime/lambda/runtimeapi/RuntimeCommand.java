package appliance.runtime.lambda.runtimeapi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How Lambda starts a function's runtime, per the template's Runtime: a JVM running AWS's runtime interface client
 * (heap sized from MemorySize, as Lambda's Java runtimes size it), {@code node} or {@code python3} running this
 * project's loop, or the function's own {@code bootstrap} for the OS-only runtimes.
 *
 * @param command    the program and its arguments
 * @param binFolder  the folder of the language's executables, first on the function's PATH (Lambda's /var/lang/bin)
 */
public record RuntimeCommand(List<String> command, Path binFolder) {

    /** AWS's Java runtime interface client's entry point. */
    public static final String JAVA_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** Lambda's Java runtimes give the heap 85% of MemorySize. */
    static final int HEAP_PERCENT = 85;

    /**
     * The command for one function.
     *
     * @param code the function's code: its classpath for Java, its folder (the task root) otherwise
     * @throws IllegalArgumentException naming the function and what is missing (an interpreter, a bootstrap)
     */
    public static RuntimeCommand of(String who, String runtime, String handler, List<Path> code, int memoryMb) {
        if (runtime.startsWith("java")) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> classpath = new ArrayList<>();
            // The client's own libraries first: on Lambda they come from the runtime, ahead of the function's jars.
            RuntimeClients.javaClient().forEach(jar -> classpath.add(jar.toString()));
            code.forEach(entry -> classpath.add(entry.toAbsolutePath().toString()));
            return new RuntimeCommand(List.of(java.toString(),
                    "-XX:MaxHeapSize=" + (memoryMb * 1024L * HEAP_PERCENT / 100) + "k",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                    // A crash report goes to the temporary folder, never into the function's code (its working directory).
                    "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "hs_err_lambda_pid%p.log"),
                    "-D" + RuntimeClients.JAVA_NATIVE_LIBRARY_PROPERTY + "=" + RuntimeClients.javaNativeLibrary(),
                    "-cp", String.join(File.pathSeparator, classpath), JAVA_CLIENT_MAIN, handler), java.getParent());
        }
        if (runtime.startsWith("nodejs")) {
            Path node = onPath("node").orElseThrow(() -> new IllegalArgumentException(who + " runs on " + runtime
                    + ", which needs node on the PATH (apt-get install nodejs)"));
            return new RuntimeCommand(List.of(node.toString(),
                    RuntimeClients.folder().resolve("nodejs/index.mjs").toString()), node.getParent());
        }
        if (runtime.startsWith("python")) {
            Path python = realPython().orElseThrow(() -> new IllegalArgumentException(who + " runs on " + runtime
                    + ", which needs python3 on the PATH (apt-get install python3)"));
            // -u: unbuffered output, so a line printed during the init is logged before START, as on Lambda.
            // -S: no site start-up (a developer's site-packages run .pth hooks that cost ~100 ms per cold start);
            // the loop puts the site-packages folders on the path itself.
            return new RuntimeCommand(List.of(python.toString(), "-u", "-S",
                    RuntimeClients.folder().resolve("python/bootstrap.py").toString()), python.getParent());
        }
        if (runtime.startsWith("provided")) {
            Path bootstrap = code.get(0).resolve("bootstrap").toAbsolutePath();
            if (!Files.isRegularFile(bootstrap) || !Files.isExecutable(bootstrap)) {
                throw new IllegalArgumentException(who + " runs on " + runtime + ", which runs the function's own"
                        + " executable named bootstrap; " + bootstrap + " is missing or not executable");
            }
            return new RuntimeCommand(List.of(bootstrap.toString()), null);
        }
        throw new IllegalArgumentException(who + ": Runtime " + runtime + " cannot run in a process here");
    }

    private static volatile Optional<Path> python;

    /** python3's own executable, not a version manager's shim on the PATH (which costs a shell per start). */
    static Optional<Path> realPython() {
        Optional<Path> found = python;
        if (found == null) {
            found = onPath("python3").map(RuntimeCommand::resolveInterpreter);
            python = found;
        }
        return found;
    }

    private static Path resolveInterpreter(Path shim) {
        try {
            Process probe = new ProcessBuilder(shim.toString(), "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String printed = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            Path real = Path.of(printed);
            return probe.waitFor() == 0 && Files.isExecutable(real) ? real : shim;
        } catch (java.io.IOException | RuntimeException e) {
            return shim;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return shim;
        }
    }

    /** The executable of that name on this process's PATH, resolved to its real file. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
