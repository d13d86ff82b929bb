package appliance.runtime.lambda.bench;

import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaRuntimeOptions;
import appliance.runtime.lambda.LocalLambdaRuntime;
import appliance.runtime.lambda.fixtures.Greeting;
import appliance.runtime.lambda.fixtures.GreetingHandler;
import appliance.functions.testing.RecordingContext;
import com.amazonaws.services.lambda.runtime.Context;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: prints the in-process runtime's overhead per warm invocation over calling the handler directly
 * (goal: under 50 µs). The runtime's path includes JSON (de)serialisation with Lambda's serializer, the hand-off to
 * the environment's thread and back, the timeout timer, output capture and the START/END/REPORT lines.
 *
 * <p>Run: {@code local/runtime/run-benchmark} (builds the test classes, then runs this with the JVM flags).
 */
public final class InvocationOverheadBenchmark {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 100_000;

    public static void main(String[] args) throws Exception {
        byte[] request = "{\"name\":\"Ada\",\"times\":2}".getBytes(StandardCharsets.UTF_8);

        GreetingHandler direct = new GreetingHandler();
        Context context = new RecordingContext("greeting");
        Greeting greeting = new Greeting();
        greeting.setName("Ada");
        greeting.setTimes(2);
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += direct.handleRequest(greeting, context).getMessage().length();
        }
        long directStart = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += direct.handleRequest(greeting, context).getMessage().length();
        }
        double directMicros = (System.nanoTime() - directStart) / 1000.0 / MEASURED;

        try (LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults())) {
            runtime.register(new LambdaFunctionConfig("GreetingFunction", "greeting", GreetingHandler.class.getName(),
                    List.of(codeOf(GreetingHandler.class)), 512, 3, Map.of(), null, "arm64", "java21", "$LATEST"));
            for (int i = 0; i < WARMUP; i++) {
                sink += runtime.invoke("greeting", request).payload().length();
            }
            long runtimeStart = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                sink += runtime.invoke("greeting", request).payload().length();
            }
            double runtimeMicros = (System.nanoTime() - runtimeStart) / 1000.0 / MEASURED;

            System.out.printf("direct handler call:      %8.2f µs/call%n", directMicros);
            System.out.printf("in-process Lambda invoke: %8.2f µs/call%n", runtimeMicros);
            System.out.printf("overhead:                 %8.2f µs/call (goal < 50 µs), ratio %.1fx%n",
                    runtimeMicros - directMicros, runtimeMicros / directMicros);
            System.out.println("(checksum " + sink + ")");
        }
    }

    private static Path codeOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
