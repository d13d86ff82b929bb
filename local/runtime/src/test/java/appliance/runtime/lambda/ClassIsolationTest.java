package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ClassVisibilityHandler;
import appliance.runtime.lambda.fixtures.GreetingHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassIsolationTest {
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void a_function_sees_its_own_classpath_and_the_shared_lambda_core_api_but_not_the_runtimes_libraries() {
        runtime.register(function("inspector", handler(ClassVisibilityHandler.class)));

        JsonNode seen = runtime.invoke("inspector", new ObjectMapper().nullNode()).payloadJson();

        assertThat(seen.get("loadedByItsOwnLoader").asBoolean()).isTrue();
        assertThat(seen.get("coreApiSharedWithRuntime").asBoolean()).isTrue();
        assertThat(seen.get("eventsFromItsOwnLoader").asBoolean()).isTrue();
        assertThat(seen.get("runtimeJacksonVisible").asBoolean()).isFalse();
        assertThat(seen.get("runtimeClassesVisible").asBoolean()).isFalse();
    }

    @Test
    void a_request_handler_named_with_its_method_resolves_the_concrete_overload_not_the_bridge() {
        runtime.register(function("greeter", GreetingHandler.class.getName() + "::handleRequest"));

        LambdaInvocationResult result = runtime.invoke("greeter",
                "{\"name\":\"Bo\",\"times\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.payload()).isEqualTo("{\"message\":\"Hello Bo!\"}");
    }
}
