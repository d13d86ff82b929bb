package appliance.runtime.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered functions, found the ways Lambda's Invoke accepts a FunctionName (and the template's logical id):
 * {@code NAME}, {@code NAME:QUALIFIER}, {@code 123456789012:function:NAME[:QUALIFIER]},
 * {@code arn:aws:lambda:us-east-1:123456789012:function:NAME[:QUALIFIER]}. The qualifier is {@code $LATEST}, or,
 * for a function published behind an alias, the alias or version {@code 1} (what the alias points at).
 */
public final class LambdaFunctionRegistry {
    /** The first version SAM's AutoPublishAlias publishes; the alias points at it. */
    public static final String PUBLISHED_VERSION = "1";

    /** A resolved call target: the function, the version that runs, and the ARN the call used. */
    record Target(DeployedFunction function, String executedVersion, String invokedFunctionArn) {
    }

    private final Map<String, DeployedFunction> byName = new LinkedHashMap<>();
    private final Map<String, DeployedFunction> byLogicalId = new LinkedHashMap<>();

    /** Only a runtime makes one: functions are added through {@link LocalLambdaRuntime#register}. */
    LambdaFunctionRegistry() {
    }

    synchronized void add(DeployedFunction function) {
        LambdaFunctionConfig config = function.config();
        if (byName.containsKey(config.functionName()) || byLogicalId.containsKey(config.logicalId())) {
            throw new LambdaConfigurationException("Lambda function " + config.logicalId() + " (" + config.functionName()
                    + ") is registered twice");
        }
        byName.put(config.functionName(), function);
        byLogicalId.put(config.logicalId(), function);
    }

    /** The configurations of all registered functions, in registration order. */
    public synchronized List<LambdaFunctionConfig> functions() {
        List<LambdaFunctionConfig> configs = new ArrayList<>();
        byName.values().forEach(function -> configs.add(function.config()));
        return configs;
    }

    /** True when {@link #resolve} would find a function for this name, ARN or logical id. */
    public boolean contains(String functionNameOrArn) {
        try {
            resolve(functionNameOrArn, null);
            return true;
        } catch (LambdaServiceException notFound) {
            return false;
        }
    }

    synchronized Target resolve(String reference, String requestId) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("Lambda Invoke needs a function name or ARN; none was given");
        }
        String[] parts = reference.trim().split(":", -1);
        String name;
        String qualifier;
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")) {
            name = parts[6];
            qualifier = parts.length >= 8 ? parts[7] : null;
        } else if (parts.length >= 3 && parts[1].equals("function")) {
            name = parts[2];
            qualifier = parts.length >= 4 ? parts[3] : null;
        } else {
            name = parts[0];
            qualifier = parts.length >= 2 ? parts[1] : null;
        }
        DeployedFunction function = byName.get(name);
        if (function == null) {
            function = byLogicalId.get(name);
        }
        if (function == null) {
            throw LambdaServiceException.functionNotFound(LambdaNames.functionArn(name, qualifier), requestId);
        }
        String functionName = function.config().functionName();
        String executed = executedVersion(function.config(), qualifier);
        if (executed == null) {
            throw LambdaServiceException.functionNotFound(LambdaNames.functionArn(functionName, qualifier), requestId);
        }
        return new Target(function, executed, LambdaNames.functionArn(functionName, qualifier));
    }

    private static String executedVersion(LambdaFunctionConfig config, String qualifier) {
        if (qualifier == null || qualifier.equals(LambdaFunctionConfig.LATEST)) {
            return LambdaFunctionConfig.LATEST;
        }
        if (config.hasAlias() && (qualifier.equals(config.version()) || qualifier.equals(PUBLISHED_VERSION))) {
            return PUBLISHED_VERSION;
        }
        return null;
    }
}
