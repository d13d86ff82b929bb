package appliance.runtime.lambda;

/**
 * One Lambda execution environment, as the runtime above it sees it: it takes one call at a time and completes the
 * call's {@link Invocation} (response, function error, or the environment lost), marking the phases (init start,
 * handler start) on it so the runtime can time them. Lambda's semantics (timeouts, concurrency, warm reuse, the
 * START/END/REPORT lines) live in the runtime, once, for every kind of environment: a thread of this JVM
 * ({@link InProcessEnvironment}) or a process speaking the Lambda Runtime API ({@link ProcessEnvironment}).
 */
interface ExecutionEnvironment {

    LogDestination log();

    /** The last "Max Memory Used" reading, reported when a call times out. */
    int lastMaxMemoryUsedMb();

    /** Runs the call: its init first when the environment is new. Returns at once; the invocation completes later. */
    void submit(Invocation invocation);

    /** Ends the environment: code still running is stopped or abandoned, and its late results ignored. */
    void discard();
}
