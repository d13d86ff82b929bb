package appliance.runtime.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda function as the local runtime needs it: what the template says about it, already resolved to plain
 * values (whoever reads template.yaml builds this record; this package never reads the template).
 *
 * @param logicalId           the template's logical id, e.g. {@code ClassifierFunction}
 * @param functionName        the function's name (its physical name; the part after {@code :function:} in its ARN)
 * @param handler             {@code package.Class::method} or {@code package.Class}, as Lambda's Java runtime reads it
 * @param classpath           the function's code: for Java, class folders and jars (see {@link FunctionModuleClasspath});
 *                            for other runtimes, the one folder that holds it (Lambda's task root)
 * @param memoryMb            MemorySize, 128..10240
 * @param timeoutSeconds      Timeout, 1..900
 * @param environment         Environment.Variables (Lambda's reserved variables are added by the runtime)
 * @param reservedConcurrency ReservedConcurrentExecutions, or null when not set
 * @param architecture        {@code x86_64} or {@code arm64} (only reported; it matters for cost)
 * @param runtime             e.g. {@code java21}, {@code nodejs20.x}, {@code python3.12}, {@code provided.al2023}
 * @param version             {@code $LATEST}, or the alias name (SAM's AutoPublishAlias) that points at version 1
 */
public record LambdaFunctionConfig(
        String logicalId,
        String functionName,
        String handler,
        List<Path> classpath,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        Integer reservedConcurrency,
        String architecture,
        String runtime,
        String version) {

    public static final String LATEST = "$LATEST";

    private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    public LambdaFunctionConfig {
        String who = "Lambda function " + (logicalId == null ? functionName : logicalId);
        require(logicalId != null && !logicalId.isBlank(), who + ": logical id is missing");
        require(functionName != null && functionName.matches("[a-zA-Z0-9_-]{1,64}"),
                who + ": FunctionName '" + functionName + "' must be 1 to 64 letters, digits, hyphens or underscores");
        require(handler != null && !handler.isBlank(), who + ": Handler is missing");
        require(classpath != null && !classpath.isEmpty(), who + ": classpath is empty (build the function first)");
        require(memoryMb >= 128 && memoryMb <= 10240, who + ": MemorySize " + memoryMb + " must be between 128 and 10240 MB");
        require(timeoutSeconds >= 1 && timeoutSeconds <= 900,
                who + ": Timeout " + timeoutSeconds + " must be between 1 and 900 seconds");
        require(reservedConcurrency == null || reservedConcurrency >= 0,
                who + ": ReservedConcurrentExecutions " + reservedConcurrency + " must not be negative");
        require(architecture != null && ARCHITECTURES.contains(architecture),
                who + ": Architectures '" + architecture + "' must be x86_64 or arm64");
        require(runtime != null && LambdaRuntimes.isSupported(runtime),
                who + ": Runtime '" + runtime + "' is not one this runtime runs; it runs " + LambdaRuntimes.SUPPORTED);
        require(version != null && (version.equals(LATEST) || version.matches("[a-zA-Z0-9_-]{1,128}"))
                        && !version.matches("[0-9]+"),
                who + ": version '" + version + "' must be $LATEST or an alias name");
        classpath = List.copyOf(classpath);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        ReservedEnvironmentVariables.rejectReservedKeys(who, environment);
    }

    /** True when the function is published behind an alias (AutoPublishAlias), so version 1 and the alias exist. */
    public boolean hasAlias() {
        return !LATEST.equals(version);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new LambdaConfigurationException(message);
        }
    }
}
