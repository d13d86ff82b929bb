package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ContextHandler;
import appliance.runtime.lambda.fixtures.GreetingHandler;
import appliance.runtime.lambda.fixtures.MapHandler;
import appliance.runtime.lambda.fixtures.OrderHandler;
import appliance.runtime.lambda.fixtures.PlainMethods;
import appliance.runtime.lambda.fixtures.RawHandler;
import appliance.runtime.lambda.fixtures.ReversingStreamHandler;
import appliance.runtime.lambda.fixtures.ScheduledEventHandler;
import appliance.runtime.lambda.fixtures.SnsMessageHandler;
import appliance.runtime.lambda.fixtures.UpperCaseHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @AfterEach
    void close() {
        runtime.close();
    }

    private LambdaInvocationResult call(String handler, String requestJson) {
        runtime.register(function("fn", handler));
        return runtime.invoke("fn", requestJson.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void a_request_handler_gets_its_pojo_input_and_its_pojo_output_is_serialised() throws Exception {
        LambdaInvocationResult result = call(handler(GreetingHandler.class), "{\"name\":\"Ada\",\"times\":2}");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.payloadJson()).isEqualTo(json("{\"message\":\"Hello Ada! Hello Ada!\"}"));
    }

    @Test
    void a_map_handler_gets_the_event_as_maps_with_json_numbers_as_integers() throws Exception {
        LambdaInvocationResult result = call(handler(MapHandler.class), "{\"cook_secs\":30,\"req_secs\":60}");

        assertThat(result.payloadJson()).isEqualTo(json("{\"keys\":[\"cook_secs\",\"req_secs\"],\"cook_secs_type\":\"Integer\"}"));
    }

    @Test
    void a_string_handler_gets_a_json_string_unquoted_and_returns_a_json_string() {
        LambdaInvocationResult result = call(handler(UpperCaseHandler.class), "\"popcorn\"");

        assertThat(result.payload()).isEqualTo("\"POPCORN\"");
    }

    @Test
    void a_string_handler_given_an_object_fails_as_lambda_does_with_a_json_parsing_error() {
        LambdaInvocationResult result = call(handler(UpperCaseHandler.class), "{\"a\":1}");

        assertThat(result.error().errorType()).isEqualTo("java.lang.RuntimeException");
        assertThat(result.error().errorMessage()).isEqualTo("An error occurred during JSON parsing");
        assertThat(result.error().stackTrace()).isEmpty();
        assertThat(result.error().cause()).isNotNull();
    }

    @Test
    void a_stream_handler_reads_the_raw_request_and_its_written_bytes_are_the_response() throws Exception {
        LambdaInvocationResult result = call(handler(ReversingStreamHandler.class), "{\"a\":1}");

        assertThat(result.payloadJson()).isEqualTo(json("{\"received\":\"}1:'a'{\"}"));
    }

    @Test
    void a_plain_method_is_found_by_name_preferring_the_overload_that_takes_the_context() {
        LambdaInvocationResult result = call(PlainMethods.class.getName() + "::sum", "[1,2,3]");

        assertThat(result.payload()).isEqualTo("6");
    }

    @Test
    void a_static_plain_method_runs_without_an_instance() {
        LambdaInvocationResult result = call(PlainMethods.class.getName() + "::shout", "\"stop\"");

        assertThat(result.payload()).isEqualTo("\"stop!\"");
    }

    @Test
    void a_void_method_responds_with_json_null() {
        LambdaInvocationResult result = call(PlainMethods.class.getName() + "::nothing", "{}");

        assertThat(result.payload()).isEqualTo("null");
    }

    @Test
    void a_method_taking_only_the_context_gets_a_real_context() {
        runtime.register(function("describer", ContextHandler.class.getName() + "::describe"));

        JsonNode context = runtime.invoke("describer", JSON.nullNode()).payloadJson();

        assertThat(context.get("functionName").asText()).isEqualTo("describer");
        assertThat(context.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(context.get("invokedFunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:describer");
        assertThat(context.get("memoryLimitInMB").asInt()).isEqualTo(512);
        assertThat(context.get("remainingTimeInMillis").asInt()).isBetween(1, 3000);
        assertThat(context.get("logGroupName").asText()).isEqualTo("/aws/lambda/describer");
        assertThat(context.get("logStreamName").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(context.get("requestId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void the_input_type_is_found_through_a_generic_superclass() {
        LambdaInvocationResult result = call(handler(OrderHandler.class), "{\"item\":\"popcorn\",\"quantity\":2}");

        assertThat(result.payload()).isEqualTo("\"2 x popcorn\"");
    }

    private static final String SNS_ENVELOPE = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"EventVersion\":\"1.0\","
            + "\"EventSubscriptionArn\":\"arn:aws:sns:us-east-1:123456789012:ingest:1\",\"Sns\":{"
            + "\"Type\":\"Notification\",\"MessageId\":\"95df01b4-ee98-5cb9-9903-4c221d41eb5e\","
            + "\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:ingest\",\"Subject\":null,"
            + "\"Message\":\"{\\\"cook_secs\\\":30}\",\"Timestamp\":\"2026-11-28T10:00:00.000Z\","
            + "\"MessageAttributes\":{}}}]}";

    @Test
    void an_sns_event_is_deserialised_with_lambdas_sns_mixins() {
        LambdaInvocationResult result = call(handler(SnsMessageHandler.class), SNS_ENVELOPE);

        assertThat(result.payloadJson().asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:ingest"
                + " | 95df01b4-ee98-5cb9-9903-4c221d41eb5e | {\"cook_secs\":30} | 2026");
    }

    @Test
    void events_with_timestamps_deserialise_in_every_environment_not_only_the_first() {
        // Each environment has its own joda-time classes; Lambda's library caches such classes per JVM.
        runtime.register(function("first", handler(SnsMessageHandler.class)));
        runtime.register(function("second", handler(SnsMessageHandler.class)));

        LambdaInvocationResult first = runtime.invoke("first", SNS_ENVELOPE.getBytes(StandardCharsets.UTF_8));
        LambdaInvocationResult second = runtime.invoke("second", SNS_ENVELOPE.getBytes(StandardCharsets.UTF_8));

        assertThat(first.succeeded()).isTrue();
        assertThat(second.payload()).isEqualTo(first.payload());
    }

    @Test
    void a_class_that_does_not_exist_is_reported_as_lambda_reports_it() {
        LambdaInvocationResult result = call("example.Missing::handleRequest", "{}");

        assertThat(result.error().errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(result.error().errorMessage()).isEqualTo("Class not found: example.Missing");
        assertThat(result.payloadJson().has("stackTrace")).isFalse();
    }

    @Test
    void a_method_that_does_not_exist_is_reported_with_lambdas_message() {
        LambdaInvocationResult result = call(PlainMethods.class.getName() + "::missing", "{}");

        assertThat(result.error().errorMessage()).isEqualTo("No public method named missing with appropriate method"
                + " signature found on class " + PlainMethods.class.getName());
    }

    @Test
    void a_class_without_a_handler_interface_needs_a_method_name() {
        LambdaInvocationResult result = call(PlainMethods.class.getName(), "{}");

        assertThat(result.error().errorMessage())
                .isEqualTo("Class does not implement an appropriate handler interface: " + PlainMethods.class.getName());
    }

    @Test
    void an_eventbridge_envelope_is_deserialised_into_a_scheduled_event_with_its_detail_type() {
        String envelope = "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\","
                + "\"detail-type\":\"Cook Ended\",\"source\":\"appliance.microwave\",\"account\":\"123456789012\","
                + "\"time\":\"2026-11-28T10:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"detail\":{\"cook_secs\":30,\"req_secs\":60}}";

        LambdaInvocationResult result = call(handler(ScheduledEventHandler.class), envelope);

        assertThat(result.payload()).isEqualTo("\"appliance.microwave | Cook Ended | 30\"");
    }

    @Test
    void a_raw_request_handler_is_refused_as_lambda_refuses_it() {
        LambdaInvocationResult result = call(handler(RawHandler.class), "{}");

        assertThat(result.error().errorMessage()).isEqualTo("Class " + RawHandler.class.getName()
                + " does not implement RequestHandler with concrete type parameters");
    }
}
