package appliance.runtime.lambda;

import static appliance.runtime.lambda.ProcessFunctions.assumeOnPath;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.GreetingHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each runtime end to end in a process of its own, through the Lambda Runtime API. */
class ProcessEnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingLogSink logs = new RecordingLogSink();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
            .withIsolation(LambdaIsolation.PROCESS).withLogSink(logs));

    @AfterEach
    void close() {
        runtime.close();
    }

    private LambdaInvocationResult invoke(String function, String json) throws Exception {
        return runtime.invoke(function, JSON.readTree(json));
    }

    private List<String> lines(LambdaInvocationResult result) {
        return result.log().lines().stream().map(LambdaLogLine::message).toList();
    }

    @Test
    void a_nodejs_function_runs_cold_then_warm_in_the_same_process() throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.node("greeter", 256, 10));

        LambdaInvocationResult first = invoke("greeter", "{\"name\":\"Ada\"}");
        LambdaInvocationResult second = invoke("greeter", "{\"name\":\"Bob\"}");

        assertThat(first.error()).isNull();
        assertThat(first.payloadJson().get("greeting").asText()).isEqualTo("Hello Ada");
        assertThat(first.payloadJson().get("requestId").asText()).isEqualTo(first.requestId());
        assertThat(first.payloadJson().get("functionName").asText()).isEqualTo("greeter");
        assertThat(first.payloadJson().get("remainingPositive").asBoolean()).isTrue();
        assertThat(first.coldStart()).isTrue();
        assertThat(first.initDurationMs()).isPositive();
        assertThat(second.coldStart()).isFalse();
        assertThat(second.initDurationMs()).isNull();
        assertThat(second.payloadJson().get("invocations").asInt()).isEqualTo(2);
        List<String> firstLines = lines(first);
        assertThat(firstLines.get(0)).endsWith("INFO\tloading the nodejs fixture");
        assertThat(firstLines.get(1)).isEqualTo("START RequestId: " + first.requestId() + " Version: $LATEST");
        assertThat(firstLines.get(2)).contains(first.requestId() + "\tINFO\tgreeting Ada");
        assertThat(firstLines.get(firstLines.size() - 1)).startsWith("REPORT RequestId: " + first.requestId())
                .contains("Init Duration: ").contains("Memory Size: 256 MB");
        assertThat(first.maxMemoryUsedMb()).isBetween(5, 256);
    }

    @Test
    void a_python_function_runs_cold_then_warm_in_the_same_process() throws Exception {
        assumeOnPath("python3");
        runtime.register(ProcessFunctions.python("pygreeter", 128, 10));

        LambdaInvocationResult first = invoke("pygreeter", "{\"name\":\"Ada\"}");
        LambdaInvocationResult second = invoke("pygreeter", "{\"name\":\"Bob\"}");

        assertThat(first.error()).isNull();
        assertThat(first.payloadJson().get("greeting").asText()).isEqualTo("Hello Ada");
        assertThat(first.payloadJson().get("requestId").asText()).isEqualTo(first.requestId());
        assertThat(second.payloadJson().get("invocations").asInt()).isEqualTo(2);
        assertThat(second.coldStart()).isFalse();
        assertThat(lines(first)).contains("loading the python fixture", "greeting Ada");
        assertThat(lines(first).indexOf("loading the python fixture"))
                .isLessThan(lines(first).indexOf("START RequestId: " + first.requestId() + " Version: $LATEST"));
    }

    @Test
    void a_bootstrap_function_runs_its_own_runtime() throws Exception {
        runtime.register(ProcessFunctions.function("shell", "bootstrap", "echo.handler", "provided.al2023", 128, 10,
                Map.of(), null));

        LambdaInvocationResult first = invoke("shell", "{\"n\":1}");
        LambdaInvocationResult second = invoke("shell", "{\"n\":2}");

        assertThat(first.error()).isNull();
        assertThat(first.payloadJson()).isEqualTo(JSON.readTree("{\"echo\":{\"n\":1},\"handler\":\"echo.handler\"}"));
        assertThat(second.payloadJson().get("echo").get("n").asInt()).isEqualTo(2);
        assertThat(second.coldStart()).isFalse();
        assertThat(lines(second)).contains("bootstrap handling " + second.requestId());
    }

    @Test
    void a_java_function_runs_in_aws_runtime_interface_client() throws Exception {
        runtime.register(new LambdaFunctionConfig("JavaGreeterFunction", "javaGreeter",
                GreetingHandler.class.getName(), FixtureFunctions.CLASSPATH, 256, 20, Map.of(), null, "x86_64",
                "java17", LambdaFunctionConfig.LATEST));

        LambdaInvocationResult first = invoke("javaGreeter", "{\"name\":\"Ada\",\"times\":2}");
        LambdaInvocationResult second = invoke("javaGreeter", "{\"name\":\"Bob\",\"times\":1}");

        assertThat(first.error()).isNull();
        assertThat(first.payloadJson().get("message").asText()).isEqualTo("Hello Ada! Hello Ada!");
        assertThat(second.payloadJson().get("message").asText()).isEqualTo("Hello Bob!");
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
    }

    @Test
    void the_process_sees_lambdas_variables_and_none_of_the_hosts() throws Exception {
        assumeOnPath("node");
        runtime.register(ProcessFunctions.function("envy", "nodejs", "app.handler", "nodejs20.x", 128, 10,
                Map.of("GREETING", "hi"), null));

        JsonNode environment = invoke("envy", "{\"action\":\"environment\"}").payloadJson();

        assertThat(environment.get("GREETING").asText()).isEqualTo("hi");
        assertThat(environment.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("envy");
        assertThat(environment.get("_HANDLER").asText()).isEqualTo("app.handler");
        assertThat(environment.get("AWS_LAMBDA_RUNTIME_API").asText()).startsWith("127.0.0.1:");
        assertThat(environment.get("LAMBDA_TASK_ROOT").asText()).endsWith("nodejs");
        assertThat(environment.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("ASIALOCALEXAMPLEKEY1");
        assertThat(environment.get("TZ").asText()).isEqualTo(":UTC");
        assertThat(environment.has("HOME")).isFalse();
        assertThat(environment.has("USER")).isFalse();
        assertThat(environment.has("MAVEN_OPTS")).isFalse();
        List<String> hostOnly = System.getenv().keySet().stream()
                .filter(name -> !List.of("PATH", "LANG", "TZ", "LD_LIBRARY_PATH").contains(name))
                .filter(name -> !ReservedEnvironmentVariables.RESERVED.contains(name))
                .filter(environment::has).toList();
        assertThat(hostOnly).isEmpty();
    }
}
