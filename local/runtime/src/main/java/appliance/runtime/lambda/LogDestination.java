package appliance.runtime.lambda;

/** Where one execution environment's log goes: its function's log group and a stream of its own. */
record LogDestination(String logGroupName, String logStreamName) {

    /** A new environment's: the stream named by the day, the version it runs and a fresh id, as Lambda names it. */
    static LogDestination forNewEnvironment(LambdaFunctionConfig config, String executedVersion,
                                            LambdaRuntimeOptions options) {
        return new LogDestination(LambdaNames.logGroupName(config.functionName()),
                LambdaNames.logStreamName(options.clock().now(), executedVersion, options.ids().environmentId()));
    }
}
