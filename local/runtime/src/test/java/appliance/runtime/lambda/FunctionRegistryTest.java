package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.CLASSPATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.runtime.lambda.fixtures.ContextHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:appliance-classifier";
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @BeforeEach
    void registerAliasedFunction() {
        runtime.register(new LambdaFunctionConfig("ClassifierFunction", "appliance-classifier",
                ContextHandler.class.getName() + "::describe", CLASSPATH, 256, 10, Map.of(), null, "arm64", "java21",
                "live"));
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private JsonNode context(String reference) {
        return runtime.invoke(reference, NullNode.getInstance()).payloadJson();
    }

    @Test
    void a_function_is_found_by_name_logical_id_and_unqualified_arn_and_runs_latest() {
        for (String reference : new String[] {"appliance-classifier", "ClassifierFunction", ARN,
                "123456789012:function:appliance-classifier", ARN + ":$LATEST"}) {
            assertThat(context(reference).get("functionVersion").asText()).as(reference).isEqualTo("$LATEST");
        }
    }

    @Test
    void the_alias_arn_runs_the_published_version_and_is_the_invoked_arn() {
        JsonNode context = context(ARN + ":live");

        assertThat(context.get("functionVersion").asText()).isEqualTo("1");
        assertThat(context.get("invokedFunctionArn").asText()).isEqualTo(ARN + ":live");
        assertThat(context.get("logStreamName").asText()).contains("/[1]");
    }

    @Test
    void name_with_alias_qualifier_and_version_one_are_found_too() {
        assertThat(context("appliance-classifier:live").get("functionVersion").asText()).isEqualTo("1");
        assertThat(context(ARN + ":1").get("functionVersion").asText()).isEqualTo("1");
    }

    @Test
    void an_unknown_function_or_qualifier_is_resource_not_found_naming_the_arn() {
        assertThatThrownBy(() -> context("nope"))
                .isInstanceOfSatisfying(LambdaServiceException.class, notFound -> {
                    assertThat(notFound.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(notFound.getMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
                });
        assertThatThrownBy(() -> context(ARN + ":beta"))
                .hasMessage("Function not found: " + ARN + ":beta");
    }

    @Test
    void the_registry_lists_functions_and_answers_whether_a_reference_exists() {
        assertThat(runtime.registry().functions()).extracting(LambdaFunctionConfig::logicalId)
                .containsExactly("ClassifierFunction");
        assertThat(runtime.registry().contains(ARN + ":live")).isTrue();
        assertThat(runtime.registry().contains("other")).isFalse();
    }

    @Test
    void registering_the_same_function_twice_is_an_error() {
        assertThatThrownBy(this::registerAliasedFunction)
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessageContaining("ClassifierFunction (appliance-classifier) is registered twice");
    }
}
