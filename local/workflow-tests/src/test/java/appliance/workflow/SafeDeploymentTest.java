package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.template.CloudFormationYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * template.yaml as written (intrinsic functions unresolved): the alarms CodeDeploy rolls back on, the operators'
 * alarm, what outlives the stack, and the state machine's permission to invoke.
 */
class SafeDeploymentTest {

    private final JsonNode resources = read().get("Resources");

    private static JsonNode read() {
        try {
            return CloudFormationYaml.parse(Files.readString(WorkflowDefinition.file("template.yaml")), "template.yaml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ClassifyCookFunction, Errors, ClassifyCookErrorsAlarm",
            "ClassifyCookFunction, Throttles, ClassifyCookThrottlesAlarm",
            "RecordCookFunction, Errors, RecordCookErrorsAlarm",
            "RecordCookFunction, Throttles, RecordCookThrottlesAlarm",
            "StartCookWorkflowFunction, Errors, StartCookWorkflowErrorsAlarm",
            "StartCookWorkflowFunction, Throttles, StartCookWorkflowThrottlesAlarm"})
    void each_function_rolls_back_on_an_alarm_on_its_live_alias(String function, String metric, String alarm) {
        JsonNode properties = resources.get(alarm).get("Properties");

        assertThat(resources.get(alarm).get("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        assertThat(properties.get("Namespace").asText()).isEqualTo("AWS/Lambda");
        assertThat(properties.get("MetricName").asText()).isEqualTo(metric);
        assertThat(properties.get("Dimensions")).hasSize(2);
        assertThat(dimension(properties, "FunctionName")).isEqualTo("{\"Ref\":\"" + function + "\"}");
        assertThat(dimension(properties, "Resource")).isEqualTo("{\"Fn::Sub\":\"${" + function + "}:live\"}");
        assertThat(properties.get("Threshold").asDouble()).isZero();
        assertThat(properties.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(properties.get("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(resources.get(function).at("/Properties/DeploymentPreference/Alarms").toString())
                .as("CodeDeploy watches it while it shifts %s's traffic", function)
                .contains("{\"Ref\":\"" + alarm + "\"}");
    }

    @Test
    void operators_get_an_alarm_on_the_state_machines_failed_executions() {
        JsonNode properties = resources.get("CookWorkflowFailedExecutionsAlarm").get("Properties");

        assertThat(properties.get("Namespace").asText()).isEqualTo("AWS/States");
        assertThat(properties.get("MetricName").asText()).isEqualTo("ExecutionsFailed");
        assertThat(dimension(properties, "StateMachineArn")).isEqualTo("{\"Ref\":\"CookWorkflow\"}");
        assertThat(properties.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CookRecordsLogGroup", "CookEventsDeadLetterQueue", "IngestDeadLetterQueue", "CookAlertsKey"})
    void where_data_lives_a_stack_deletion_or_replacement_keeps_it(String resource) {
        assertThat(resources.get(resource).path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(resources.get(resource).path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
    }

    @Test
    void the_state_machine_may_invoke_exactly_the_two_aliases_it_calls() {
        List<JsonNode> invokes = new ArrayList<>();
        for (JsonNode policy : resources.at("/CookWorkflow/Properties/Policies")) {
            assertThat(policy.has("LambdaInvokePolicy")).as("a policy template that grants every version").isFalse();
            for (JsonNode statement : policy.path("Statement")) {
                if (statement.path("Action").toString().contains("lambda:")) {
                    invokes.add(statement);
                }
            }
        }

        assertThat(invokes).singleElement().satisfies(statement -> {
            assertThat(statement.get("Action").asText()).isEqualTo("lambda:InvokeFunction");
            assertThat(statement.get("Resource").toString())
                    .isEqualTo("[{\"Ref\":\"ClassifyCookFunction.Alias\"},{\"Ref\":\"RecordCookFunction.Alias\"}]");
        });
        JsonNode substitutions = resources.at("/CookWorkflow/Properties/DefinitionSubstitutions");
        assertThat(substitutions.get("ClassifyCookFunctionArn").toString()).isEqualTo("{\"Ref\":\"ClassifyCookFunction.Alias\"}");
        assertThat(substitutions.get("RecordCookFunctionArn").toString()).isEqualTo("{\"Ref\":\"RecordCookFunction.Alias\"}");
    }

    private static String dimension(JsonNode alarmProperties, String name) {
        for (JsonNode dimension : alarmProperties.get("Dimensions")) {
            if (dimension.path("Name").asText().equals(name)) {
                return dimension.get("Value").toString();
            }
        }
        return null;
    }
}
