package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.BackgroundThreadHandler;
import appliance.runtime.lambda.fixtures.EnvironmentHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @AfterEach
    void close() {
        runtime.close();
    }

    private JsonNode read(String function, String namesJson) throws Exception {
        return JSON.readTree(runtime.invoke(function, namesJson.getBytes(StandardCharsets.UTF_8)).payload());
    }

    @Test
    void two_functions_reading_the_same_variable_each_see_their_own_value() throws Exception {
        runtime.register(function("english", handler(EnvironmentHandler.class), Map.of("GREETING", "hello"), null));
        runtime.register(function("french", handler(EnvironmentHandler.class), Map.of("GREETING", "bonjour"), null));

        assertThat(read("english", "[\"GREETING\"]").get("GREETING").asText()).isEqualTo("hello");
        assertThat(read("french", "[\"GREETING\"]").get("GREETING").asText()).isEqualTo("bonjour");
        assertThat(read("english", "[\"GREETING\"]").get("GREETING").asText()).isEqualTo("hello");
    }

    @Test
    void static_initialisers_and_the_full_environment_map_see_the_functions_variables() throws Exception {
        runtime.register(function("english", handler(EnvironmentHandler.class), Map.of("GREETING", "hello"), null));

        JsonNode values = read("english", "[]");

        assertThat(values.get("GREETING_AT_INIT").asText()).isEqualTo("hello");
        assertThat(values.get("in_full_map").asText()).isEqualTo("hello");
    }

    @Test
    void lambdas_reserved_variables_are_set() throws Exception {
        runtime.register(function("english", handler(EnvironmentHandler.class)));

        JsonNode values = read("english", "[\"AWS_LAMBDA_FUNCTION_NAME\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\","
                + "\"AWS_LAMBDA_FUNCTION_VERSION\",\"AWS_REGION\",\"AWS_LAMBDA_LOG_GROUP_NAME\","
                + "\"AWS_LAMBDA_LOG_STREAM_NAME\",\"AWS_EXECUTION_ENV\",\"_HANDLER\"]");

        assertThat(values.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("english");
        assertThat(values.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("512");
        assertThat(values.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(values.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(values.get("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/english");
        assertThat(values.get("AWS_LAMBDA_LOG_STREAM_NAME").asText()).contains("/[$LATEST]");
        assertThat(values.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java21");
        assertThat(values.get("_HANDLER").asText()).isEqualTo(EnvironmentHandler.class.getName());
    }

    @Test
    void code_outside_any_function_keeps_the_process_environment() {
        runtime.register(function("english", handler(EnvironmentHandler.class), Map.of("GREETING", "hello"), null));
        runtime.invoke("english", JSON.createArrayNode());

        assertThat(System.getenv("AWS_LAMBDA_FUNCTION_NAME")).isNull();
        assertThat(System.getenv("PATH")).isNotNull();
    }

    @Test
    void threads_a_function_starts_see_its_variables_and_their_output_is_captured() {
        runtime.register(function("threaded", handler(BackgroundThreadHandler.class), Map.of("GREETING", "hej"), null));

        LambdaInvocationResult result = runtime.invoke("threaded", JSON.nullNode());

        assertThat(result.payload()).isEqualTo("\"hej\"");
        assertThat(result.log().messages()).contains("from a background thread");
    }
}
