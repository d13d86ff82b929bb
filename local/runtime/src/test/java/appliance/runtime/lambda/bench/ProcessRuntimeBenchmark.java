package appliance.runtime.lambda.bench;

import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaInvocationResult;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.lambda.LambdaRuntimeOptions;
import appliance.runtime.lambda.LocalLambdaRuntime;
import appliance.runtime.lambda.fixtures.GreetingHandler;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: prints, per runtime, a function in a process of its own through the Lambda Runtime API: the cold start
 * (process start and init until the first response, as the caller waits for it; goals: Node.js and Python under
 * 150 ms, Java under 800 ms), and a warm invocation's time over the Runtime API (goal: under 1 ms; the handlers do
 * next to nothing, so this is the round trip: our side, the HTTP exchange and the runtime's loop).
 *
 * <p>Run: {@code local/runtime/run-benchmark process [COLD_RUNS]} from the project root.
 */
public final class ProcessRuntimeBenchmark {
    private static final Path FIXTURES = Path.of("local/runtime/src/test/resources/lambda-functions").toAbsolutePath();
    private static final int WARM_CALLS = 2_000;
    private static final byte[] GREETING = "{\"name\":\"Ada\",\"times\":2}".getBytes(StandardCharsets.UTF_8);

    private record Subject(String label, String runtime, String handler, List<Path> code) {
    }

    public static void main(String[] args) throws Exception {
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Subject> subjects = List.of(
                new Subject("nodejs20.x (our loop)", "nodejs20.x", "app.handler", List.of(FIXTURES.resolve("nodejs"))),
                new Subject("python3.12 (our loop)", "python3.12", "app.handler", List.of(FIXTURES.resolve("python"))),
                new Subject("provided.al2023 (bash)", "provided.al2023", "echo.handler",
                        List.of(FIXTURES.resolve("bootstrap"))),
                new Subject("java17 (AWS's client)", "java17", GreetingHandler.class.getName(), javaCode()));
        System.out.printf("%-24s %14s %14s %16s%n", "runtime", "cold start ms", "init ms", "warm call ms");
        for (Subject subject : subjects) {
            double[] cold = new double[coldRuns];
            double[] init = new double[coldRuns];
            for (int i = 0; i < coldRuns; i++) {
                try (LocalLambdaRuntime runtime = runtime()) {
                    runtime.register(config(subject, "cold" + i));
                    long start = System.nanoTime();
                    LambdaInvocationResult result = runtime.invoke("cold" + i, GREETING);
                    cold[i] = (System.nanoTime() - start) / 1e6;
                    init[i] = result.initDurationMs() == null ? 0 : result.initDurationMs();
                    check(result);
                }
            }
            double warm;
            try (LocalLambdaRuntime runtime = runtime()) {
                runtime.register(config(subject, "warm"));
                for (int i = 0; i < WARM_CALLS / 4; i++) {
                    check(runtime.invoke("warm", GREETING));
                }
                long start = System.nanoTime();
                for (int i = 0; i < WARM_CALLS; i++) {
                    check(runtime.invoke("warm", GREETING));
                }
                warm = (System.nanoTime() - start) / 1e6 / WARM_CALLS;
            }
            System.out.printf("%-24s %14.1f %14.1f %16.3f%n", subject.label(), median(cold), median(init), warm);
        }
        System.out.println("(cold start and init: medians of " + coldRuns + " new environments; warm: mean of "
                + WARM_CALLS + " calls. Goals: cold start Node.js/Python <= 150 ms, Java <= 800 ms; warm <= 1 ms)");
    }

    private static LocalLambdaRuntime runtime() {
        return new LocalLambdaRuntime(LambdaRuntimeOptions.defaults().withIsolation(LambdaIsolation.PROCESS));
    }

    private static LambdaFunctionConfig config(Subject subject, String name) {
        return new LambdaFunctionConfig(name + "Function", name, subject.handler(), subject.code(), 512, 30, Map.of(),
                null, "x86_64", subject.runtime(), LambdaFunctionConfig.LATEST);
    }

    private static void check(LambdaInvocationResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.functionName() + " failed: " + result.payload());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Path> javaCode() throws URISyntaxException {
        return List.of(codeOf(GreetingHandler.class), codeOf(com.amazonaws.services.lambda.runtime.events.SNSEvent.class),
                codeOf(org.joda.time.DateTime.class));
    }

    private static Path codeOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
