package appliance.runtime.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code of one function module of this repository, as Lambda would get it in its deployment package: the module's
 * compiled classes plus the jars its build lists in {@code target/lambda-classpath.txt} (path-separator separated,
 * as maven-dependency-plugin's build-classpath writes it).
 */
public final class FunctionModuleClasspath {
    public static final String CLASSES = "target/classes";
    public static final String DEPENDENCY_LIST = "target/lambda-classpath.txt";

    private FunctionModuleClasspath() {
    }

    /** The classpath of the module in {@code moduleFolder} (e.g. {@code functions/classifier}). */
    public static List<Path> of(Path moduleFolder) {
        Path classes = moduleFolder.resolve(CLASSES);
        Path dependencyList = moduleFolder.resolve(DEPENDENCY_LIST);
        if (!Files.isDirectory(classes)) {
            throw notBuilt(moduleFolder, CLASSES);
        }
        if (!Files.isRegularFile(dependencyList)) {
            throw notBuilt(moduleFolder, DEPENDENCY_LIST);
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        for (String entry : read(dependencyList).split(File.pathSeparator)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path jar = Path.of(trimmed);
            if (!Files.exists(jar)) {
                throw new LambdaConfigurationException("Function module " + moduleFolder + " lists " + jar
                        + " in " + DEPENDENCY_LIST + " but that file does not exist; rebuild the module"
                        + " (mvn -pl " + moduleFolder + " -am package)");
            }
            classpath.add(jar);
        }
        return List.copyOf(classpath);
    }

    private static LambdaConfigurationException notBuilt(Path moduleFolder, String missing) {
        return new LambdaConfigurationException("Function module " + moduleFolder + " is not built: " + missing
                + " is missing. Build it first (mvn -pl " + moduleFolder + " -am package)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LambdaConfigurationException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
