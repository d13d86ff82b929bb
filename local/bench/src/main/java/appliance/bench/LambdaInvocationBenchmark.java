package appliance.bench;

import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaRuntimeOptions;
import appliance.runtime.lambda.LocalLambdaRuntime;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A warm in-process Lambda call against calling the same handler directly; the difference is the runtime's overhead
 * per call (goal: under 50 µs): JSON in and out with Lambda's serializer, the hand-off to the environment's thread and
 * back, the timeout timer, output capture, the START/END/REPORT lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LambdaInvocationBenchmark {
    private static final byte[] REQUEST = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);

    private final GreetingHandler handler = new GreetingHandler();
    private final Map<String, Object> input = Map.of("name", "Ada");
    private LocalLambdaRuntime runtime;

    @Setup(Level.Trial)
    public void setUp() throws URISyntaxException {
        runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());
        // The handler's class comes from this module's classes, in the function's own class loader, as a function's.
        Path code = Path.of(GreetingHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        runtime.register(new LambdaFunctionConfig("GreetingFunction", "greeting", GreetingHandler.class.getName(),
                List.of(code), 512, 3, Map.of(), null, "arm64", "java21", LambdaFunctionConfig.LATEST));
        runtime.invoke("greeting", REQUEST); // the cold start, outside the measurement
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    @Benchmark
    public Object directHandlerCall() {
        return handler.handleRequest(input, null);
    }

    @Benchmark
    public Object inProcessInvoke() {
        return runtime.invoke("greeting", REQUEST).payload();
    }
}
