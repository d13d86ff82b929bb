package appliance.runtime.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a function's code is, as SAM users have it: the artifacts {@code sam build} wrote
 * ({@code .aws-sam/build/<LogicalId>/} beside the template) when they exist, as {@code sam local} uses them;
 * otherwise the {@code CodeUri} folder. For Java that folder is a Maven project: its {@code target/classes} and the
 * runtime dependencies its build lists ({@code target/lambda-classpath.txt}; for a project that does not write it,
 * {@code mvn dependency:build-classpath} writes it once).
 */
public final class FunctionCode {
    static final String SAM_BUILD = ".aws-sam/build";

    private FunctionCode() {
    }

    /** The classpath (Java) or the one code folder (other runtimes) of a function. */
    public static List<Path> locate(Path templateFolder, String logicalId, Path codeUri, String runtime) {
        Path built = templateFolder.resolve(SAM_BUILD).resolve(logicalId);
        boolean java = runtime != null && runtime.startsWith("java");
        if (Files.isDirectory(built)) {
            return java ? samJavaBuild(built) : List.of(built);
        }
        if (!java) {
            if (!Files.isDirectory(codeUri)) {
                throw new LambdaConfigurationException("Lambda function " + logicalId + ": CodeUri " + codeUri
                        + " is not a folder, and there is no " + SAM_BUILD + "/" + logicalId);
            }
            return List.of(codeUri);
        }
        if (!Files.isRegularFile(codeUri.resolve(FunctionModuleClasspath.DEPENDENCY_LIST))
                && Files.isRegularFile(codeUri.resolve("pom.xml"))
                && Files.isDirectory(codeUri.resolve(FunctionModuleClasspath.CLASSES))) {
            writeDependencyList(logicalId, codeUri);
        }
        return FunctionModuleClasspath.of(codeUri);
    }

    /** {@code sam build}'s Java layout: the classes at the top, the dependencies in {@code lib/}. */
    private static List<Path> samJavaBuild(Path built) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(built);
        Path lib = built.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (var jars = Files.list(lib)) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(classpath::add);
            } catch (IOException e) {
                throw new LambdaConfigurationException("Cannot read " + lib + ": " + e.getMessage());
            }
        }
        return List.copyOf(classpath);
    }

    private static void writeDependencyList(String logicalId, Path project) {
        List<String> command = List.of("mvn", "-q", "-B", "-ntp", "-f", project.resolve("pom.xml").toString(),
                "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + project.resolve(FunctionModuleClasspath.DEPENDENCY_LIST));
        try {
            Process maven = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(maven.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
                throw new LambdaConfigurationException("Lambda function " + logicalId + ": listing the runtime"
                        + " dependencies of " + project + " with " + String.join(" ", command) + " failed: "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new LambdaConfigurationException("Lambda function " + logicalId + ": " + project + " has no "
                    + FunctionModuleClasspath.DEPENDENCY_LIST + " and Maven (mvn) cannot run to list its"
                    + " dependencies: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaConfigurationException("Lambda function " + logicalId + ": interrupted while Maven listed"
                    + " its dependencies");
        }
    }
}
