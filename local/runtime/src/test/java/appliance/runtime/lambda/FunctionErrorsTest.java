package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ExplodingConstructorHandler;
import appliance.runtime.lambda.fixtures.FailingHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void an_unhandled_exception_becomes_lambdas_error_document_with_the_full_class_name() {
        runtime.register(function("classifier", handler(FailingHandler.class)));

        LambdaInvocationResult result = runtime.invoke("classifier", JSON.createObjectNode());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode payload = result.payloadJson();
        assertThat(payload.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(payload.get("errorMessage").asText()).isEqualTo("cook_secs is missing");
        assertThat(payload.get("stackTrace").get(0).asText())
                .startsWith(FailingHandler.class.getName() + ".handleRequest(FailingHandler.java:");
        assertThat(payload.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "stackTrace");
    }

    @Test
    void the_stack_trace_ends_at_the_users_code_without_the_runtimes_frames() {
        runtime.register(function("classifier", handler(FailingHandler.class)));

        LambdaInvocationResult result = runtime.invoke("classifier", JSON.createObjectNode());

        assertThat(result.error().stackTrace()).isNotEmpty()
                .noneMatch(frame -> frame.startsWith("appliance.runtime.lambda.handler."))
                .noneMatch(frame -> frame.contains("ExecutionEnvironment"));
    }

    @Test
    void the_cause_chain_is_kept_for_display_but_not_sent_in_the_payload() {
        runtime.register(function("classifier", handler(FailingHandler.class)));

        LambdaInvocationResult result = runtime.invoke("classifier", JSON.createObjectNode());

        assertThat(result.error().cause().errorType()).isEqualTo("java.lang.NumberFormatException");
        assertThat(result.error().cause().errorMessage()).isEqualTo("null");
        assertThat(result.payloadJson().has("cause")).isFalse();
    }

    @Test
    void the_error_and_its_stack_trace_are_written_to_the_functions_log() {
        runtime.register(function("classifier", handler(FailingHandler.class)));

        LambdaInvocationResult result = runtime.invoke("classifier", JSON.createObjectNode());

        assertThat(result.log().messages()).contains("checking the event");
        assertThat(result.log().messages()).anySatisfy(line -> assertThat(line)
                .startsWith("cook_secs is missing: java.lang.IllegalArgumentException\n"
                        + "java.lang.IllegalArgumentException: cook_secs is missing\n\tat " + FailingHandler.class.getName()));
    }

    @Test
    void a_function_error_keeps_the_environment_warm() {
        runtime.register(function("classifier", handler(FailingHandler.class)));

        runtime.invoke("classifier", JSON.createObjectNode());
        LambdaInvocationResult second = runtime.invoke("classifier", JSON.createObjectNode());

        assertThat(second.coldStart()).isFalse();
    }

    @Test
    void a_constructor_that_throws_fails_the_init_and_the_next_call_starts_cold_again() {
        runtime.register(function("exploding", handler(ExplodingConstructorHandler.class)));

        LambdaInvocationResult first = runtime.invoke("exploding", JSON.createObjectNode());
        LambdaInvocationResult second = runtime.invoke("exploding", JSON.createObjectNode());

        assertThat(first.error().errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(first.error().errorMessage()).isEqualTo("TABLE_NAME is not set");
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isTrue();
        assertThat(second.log().logStreamName()).isNotEqualTo(first.log().logStreamName());
    }
}
