package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.template.FunctionResource;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** template.yaml has what a production deployment of the workflow needs, read as sam deploy reads it. */
class SamTemplateContentTest {

    private final SamTemplate template = SamTemplate.load(WorkflowDefinition.file("template.yaml"));
    private final StateMachineResource workflow = template.stateMachine("CookWorkflow").orElseThrow();

    private JsonNode properties(String logicalId) {
        return template.resources().get(logicalId).properties();
    }

    @Test
    void every_placeholder_of_the_definition_has_a_substitution_and_none_is_extra() {
        assertThat(workflow.definitionSubstitutions().keySet())
                .containsExactlyInAnyOrderElementsOf(WorkflowDefinition.placeholders(WorkflowDefinition.definition()));
        assertThat(workflow.definition()).doesNotContain("${");
    }

    @Test
    void the_state_machine_calls_the_functions_live_alias_not_latest() {
        FunctionResource classifier = template.function("ClassifyCookFunction").orElseThrow();

        assertThat(workflow.definitionSubstitutions().get("ClassifyCookFunctionArn"))
                .isEqualTo(classifier.aliasArn().orElseThrow())
                .endsWith(":live");
    }

    @Test
    void the_state_machine_is_standard_logs_everything_to_a_vended_log_group_and_is_traced() {
        assertThat(workflow.type()).isEqualTo("STANDARD");
        assertThat(workflow.loggingLevel()).contains("ALL");
        assertThat(workflow.tracingEnabled()).isTrue();
        assertThat(properties("CookWorkflowLogGroup").get("LogGroupName").asText()).startsWith("/aws/vendedlogs/states/");
        JsonNode policies = properties("CookWorkflow").get("Policies");
        assertThat(policies.toString()).contains("logs:CreateLogDelivery", "logs:PutResourcePolicy",
                "lambda:InvokeFunction", "SNSPublishMessagePolicy");
    }

    @Test
    void an_eventbridge_rule_on_source_and_detail_type_with_a_retry_policy_and_a_dead_letter_queue_starts_it() {
        JsonNode rule = workflow.events().get("CookEndedOnEventBridge").properties();

        assertThat(workflow.events().get("CookEndedOnEventBridge").type()).isEqualTo("EventBridgeRule");
        assertThat(rule.at("/Pattern/source/0").asText()).isEqualTo("appliance.microwave");
        assertThat(rule.at("/Pattern/detail-type/0").asText()).isEqualTo("Cook Ended");
        assertThat(rule.at("/RetryPolicy/MaximumRetryAttempts").asInt()).isPositive();
        assertThat(rule.at("/DeadLetterConfig/Arn").asText()).startsWith("arn:aws:sqs:");
    }

    @Test
    void every_function_is_java21_on_arm64_traced_logging_json_with_snapstart_on_its_live_alias() {
        assertThat(template.functions()).hasSize(3).allSatisfy(function -> {
            assertThat(function.runtime()).isEqualTo("java21");
            assertThat(function.architectures()).containsExactly("arm64");
            assertThat(function.logFormat()).isEqualTo("JSON");
            assertThat(function.snapStart()).isTrue();
            assertThat(function.autoPublishAlias()).contains("live");
            JsonNode properties = properties(function.logicalId());
            assertThat(properties.get("Tracing").asText()).isEqualTo("Active");
            assertThat(properties.at("/DeploymentPreference/Type").asText()).isEqualTo("Canary10Percent5Minutes");
        });
    }

    @Test
    void the_alert_topic_is_encrypted_with_a_rotating_kms_key_and_its_subscriptions_filter_on_the_outcome() {
        assertThat(properties("CookAlertsTopic").get("KmsMasterKeyId").asText()).isNotBlank();
        assertThat(properties("CookAlertsKey").get("EnableKeyRotation").asBoolean()).isTrue();
        SamTemplate withEmail = SamTemplate.load(WorkflowDefinition.file("template.yaml"),
                appliance.runtime.template.TemplateSettings.defaults()
                        .withParameterOverrides(java.util.Map.of("AlertEmail", "owner@example.com")));
        String alerts = withEmail.topic("CookAlertsTopic").orElseThrow().arn();
        assertThat(withEmail.subscriptionsOf(alerts)).singleElement().satisfies(subscription -> {
            assertThat(subscription.protocol()).isEqualTo("email");
            assertThat(subscription.filterPolicy().orElseThrow().get("outcome")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("EARLY_END_PRESET", "EARLY_END_CUSTOM");
        });
        assertThat(template.subscriptionsOf(alerts)).as("no subscription without its parameter").isEmpty();
    }

    @Test
    void the_legacy_ingest_topic_starts_the_starter_which_may_start_only_this_state_machine() {
        String ingest = template.topic("CookEventsIngestTopic").orElseThrow().arn();
        FunctionResource starter = template.function("StartCookWorkflowFunction").orElseThrow();

        assertThat(template.subscriptionsOf(ingest)).singleElement().satisfies(subscription -> {
            assertThat(subscription.protocol()).isEqualTo("lambda");
            assertThat(subscription.endpoint()).isEqualTo(starter.invokeArn());
        });
        assertThat(starter.environment()).containsEntry("STATE_MACHINE_ARN", workflow.arn());
        assertThat(properties("StartCookWorkflowFunction").get("Policies").toString()).contains("StepFunctionsExecutionPolicy");
        assertThat(properties("StartCookWorkflowFunction").at("/DeadLetterQueue/Type").asText()).isEqualTo("SQS");
    }

    @Test
    void the_outputs_a_user_needs_are_there() {
        assertThat(template.outputs().keySet()).containsAll(List.of(
                "CookWorkflowArn", "CookEventsIngestTopicArn", "CookAlertsTopicArn", "CookRecordsLogGroupName"));
    }
}
