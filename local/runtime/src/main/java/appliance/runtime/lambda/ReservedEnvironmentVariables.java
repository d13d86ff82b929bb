package appliance.runtime.lambda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment one execution environment's code sees: the function's Environment.Variables plus the variables
 * Lambda itself sets (function name, memory, version, region, log group and stream, handler).
 */
final class ReservedEnvironmentVariables {

    /** Keys Lambda sets itself and refuses in a function's configuration. */
    static final Set<String> RESERVED = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private ReservedEnvironmentVariables() {
    }

    /** Lambda's own message (InvalidParameterValueException) when a template sets a reserved key. */
    static void rejectReservedKeys(String who, Map<String, String> environment) {
        Set<String> used = new TreeSet<>(environment.keySet());
        used.retainAll(RESERVED);
        if (!used.isEmpty()) {
            throw new LambdaConfigurationException(who + ": Lambda was unable to configure your environment variables"
                    + " because the environment variables you have provided contains reserved keys that are currently"
                    + " not supported for modification. Reserved keys used in this request: " + String.join(", ", used));
        }
    }

    /**
     * What System.getenv() returns inside one execution environment, over the process's own environment. Credentials
     * are deliberately not invented: an SDK client in the function finds the developer's own, as under sam local.
     */
    static Map<String, String> forEnvironment(LambdaFunctionConfig config, String executedVersion, String logStreamName) {
        Map<String, String> variables = new LinkedHashMap<>(config.environment());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", executedVersion);
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", LambdaNames.logGroupName(config.functionName()));
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_REGION", LambdaNames.REGION);
        variables.put("AWS_DEFAULT_REGION", LambdaNames.REGION);
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        variables.put("_HANDLER", config.handler());
        // Lambda hands every function its execution role's temporary credentials. Locally there is no
        // role: these placeholders keep the AWS SDK inside a function from reaching for the user's own
        // credentials, and the local endpoints accept any.
        variables.put("AWS_ACCESS_KEY_ID", "ASIALOCALEXAMPLEKEY1");
        variables.put("AWS_SECRET_ACCESS_KEY", "local-secret-access-key-placeholder");
        variables.put("AWS_SESSION_TOKEN", "local-session-token-placeholder");
        // Lambda's task root is /var/task, where the code is unpacked; here the code is the first classpath entry.
        variables.put("LAMBDA_TASK_ROOT", config.classpath().get(0).toAbsolutePath().toString());
        return Map.copyOf(variables);
    }

    /**
     * The whole environment of a function's process: nothing of the host's, only what Lambda gives a function (its
     * own variables, the reserved ones, placeholder credentials) and what its runtime needs to start.
     *
     * @param runtimeApi   {@code 127.0.0.1:PORT} of the environment's Runtime API
     * @param taskRoot     the function's code folder (its working directory, Lambda's /var/task)
     * @param runtimeDir   where the runtime clients are (Lambda's /var/runtime)
     * @param languageBin  the folder of the language's executables, or null (Lambda's /var/lang/bin)
     */
    static Map<String, String> forProcess(LambdaFunctionConfig config, String executedVersion, String logStreamName,
                                          String runtimeApi, java.nio.file.Path taskRoot, java.nio.file.Path runtimeDir,
                                          java.nio.file.Path languageBin) {
        Map<String, String> variables = new LinkedHashMap<>(forEnvironment(config, executedVersion, logStreamName));
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        variables.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        variables.put("LAMBDA_RUNTIME_DIR", runtimeDir.toAbsolutePath().toString());
        variables.put("TZ", ":UTC");
        variables.put("LANG", "en_US.UTF-8");
        variables.put("PATH", (languageBin == null ? "" : languageBin + ":") + "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        variables.put("LD_LIBRARY_PATH", "/lib64:/usr/lib64:" + runtimeDir.toAbsolutePath() + ":" + taskRoot.toAbsolutePath()
                + ":" + taskRoot.toAbsolutePath() + "/lib:/opt/lib");
        // PATH, LANG, TZ and LD_LIBRARY_PATH are not reserved: as on Lambda, the function's own values win.
        variables.putAll(config.environment());
        return Map.copyOf(variables);
    }
}
