package appliance.runtime.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Function configs for the process tests: the fixtures in src/test/resources/lambda-functions, run from there. */
final class ProcessFunctions {
    static final Path FOLDER = Path.of("src/test/resources/lambda-functions").toAbsolutePath();

    private ProcessFunctions() {
    }

    static LambdaFunctionConfig function(String name, String folder, String handler, String runtime, int memoryMb,
                                         int timeoutSeconds, Map<String, String> environment, Integer reserved) {
        return new LambdaFunctionConfig(name + "Function", name, handler, List.of(FOLDER.resolve(folder)), memoryMb,
                timeoutSeconds, environment, reserved, "x86_64", runtime, LambdaFunctionConfig.LATEST);
    }

    static LambdaFunctionConfig node(String name, int memoryMb, int timeoutSeconds) {
        return function(name, "nodejs", "app.handler", "nodejs20.x", memoryMb, timeoutSeconds, Map.of(), null);
    }

    static LambdaFunctionConfig python(String name, int memoryMb, int timeoutSeconds) {
        return function(name, "python", "app.handler", "python3.12", memoryMb, timeoutSeconds, Map.of(), null);
    }

    /** Skips (with a message) where the interpreter is absent; .ci/run installs both. */
    static void assumeOnPath(String executable) {
        boolean found = java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, executable)));
        Assumptions.assumeTrue(found, executable + " is not installed: its process tests are skipped");
    }
}
