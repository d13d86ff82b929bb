package appliance.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/appliance} as the process a user runs. The Maven build running the test has just
 * compiled every module and written {@code local/cli/target/classpath.txt}, which is all the script
 * builds; so the test marks that build done (the stamp the script writes after building) rather than
 * have the script start a second Maven inside this one.
 */
record BinApplianceProcess(int exitCode, String out, String err) {

    static Path root() {
        String root = System.getProperty("project.root");
        return (root == null || root.isBlank() ? Path.of("..", "..") : Path.of(root)).toAbsolutePath().normalize();
    }

    static BinApplianceProcess run(Path workDir, String... args) throws IOException, InterruptedException {
        Path root = root();
        Path target = root.resolve("local/cli/target");
        if (!Files.isRegularFile(target.resolve("classpath.txt"))) {
            throw new IllegalStateException("local/cli/target/classpath.txt is missing: run the tests through Maven");
        }
        Files.writeString(target.resolve(".appliance-built"), "");
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/appliance").toString());
        command.addAll(List.of(args));
        Path out = workDir.resolve("bin-appliance.out");
        Path err = workDir.resolve("bin-appliance.err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/appliance " + String.join(" ", args) + " did not end in 5 minutes");
        }
        return new BinApplianceProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
