package appliance.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    static Path templateFile;
    static SamTemplate template;

    @BeforeAll
    static void load() throws URISyntaxException {
        templateFile = Path.of(SamTemplateTest.class.getResource("/template/template.yaml").toURI());
        template = SamTemplate.load(templateFile);
    }

    @Test
    void a_function_gets_globals_and_its_own_values_with_resource_values_winning() {
        FunctionResource classify = template.function("ClassifyCookFunction").orElseThrow();
        assertThat(classify.runtime()).isEqualTo("java21");
        assertThat(classify.architectures()).containsExactly("arm64");
        assertThat(classify.timeoutSeconds()).isEqualTo(10);
        assertThat(classify.memorySize()).as("MemorySize !Ref of a Number parameter").isEqualTo(512);
        assertThat(classify.environment()).containsExactly(
                Map.entry("STAGE", "overridden"),
                Map.entry("POWERTOOLS_SERVICE_NAME", "appliance"),
                Map.entry("ALERT_TOPIC", "arn:aws:sns:us-east-1:123456789012:cook-alerts-dev"));
    }

    @Test
    void lists_in_globals_come_first_and_the_resource_list_is_appended() {
        JsonNode layers = template.resources().get("ClassifyCookFunction").properties().get("Layers");
        assertThat(layers).hasSize(2);
        assertThat(layers.get(0).asText()).endsWith("layer:global:1");
        assertThat(layers.get(1).asText()).endsWith("layer:local:1");
    }

    @Test
    void a_function_has_its_local_name_arn_alias_and_code_folder() {
        FunctionResource classify = template.function("ClassifyCookFunction").orElseThrow();
        assertThat(classify.functionName()).isEqualTo("appliance-local-classify-dev");
        assertThat(classify.arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:appliance-local-classify-dev");
        assertThat(classify.autoPublishAlias()).contains("live");
        assertThat(classify.aliasArn()).contains("arn:aws:lambda:us-east-1:123456789012:function:appliance-local-classify-dev:live");
        assertThat(classify.invokeArn()).isEqualTo(classify.aliasArn().orElseThrow());
        assertThat(classify.handler()).isEqualTo("appliance.classifier.ClassifyHandler::handleRequest");
        assertThat(classify.codeUri()).isEqualTo(templateFile.getParent().resolve("functions/classifier"));
        assertThat(classify.reservedConcurrentExecutions()).hasValue(5);
        assertThat(classify.isArm64()).isTrue();
        assertThat(classify.events()).containsOnlyKeys("LegacyIngest", "CookEnded");
    }

    @Test
    void a_function_without_a_name_is_named_after_its_logical_id_with_lambda_defaults_where_globals_say_nothing() {
        FunctionResource starter = template.function("StarterFunction").orElseThrow();
        assertThat(starter.functionName()).isEqualTo("StarterFunction");
        assertThat(starter.codeUri()).isEqualTo(templateFile.getParent().resolve("functions/starter"));
        assertThat(starter.architectures()).containsExactly("arm64");
        assertThat(starter.memorySize()).isEqualTo(256);
        assertThat(starter.reservedConcurrentExecutions()).isEmpty();
        assertThat(starter.aliasArn()).isEmpty();
        assertThat(starter.invokeArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:StarterFunction");
    }

    @Test
    void logging_config_and_snap_start_come_through() {
        FunctionResource classify = template.function("ClassifyCookFunction").orElseThrow();
        assertThat(classify.logFormat()).isEqualTo("JSON");
        assertThat(classify.logGroup()).isEqualTo("/aws/lambda/appliance-local-classify-dev");
        assertThat(classify.snapStart()).isTrue();
    }

    @Test
    void a_rule_dead_letter_config_with_only_a_type_gets_the_queue_sam_creates() {
        EventRuleTarget function = template.eventRules().get(0);
        assertThat(function.deadLetterConfig().orElseThrow().get("Arn").asText())
                .isEqualTo("arn:aws:sqs:us-east-1:123456789012:ClassifyCookFunctionCookEndedQueue");
        assertThat(template.queue("ClassifyCookFunctionCookEndedQueue").orElseThrow().url())
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/ClassifyCookFunctionCookEndedQueue");
    }

    @Test
    void a_json_template_with_tabs_loads_as_json() {
        SamTemplate loaded = SamTemplateLoader.load("{\n\t\"Resources\": {\n\t\t\"Q\": {\"Type\": \"AWS::SQS::Queue\"}\n\t}\n}",
                templateFile, TemplateSettings.defaults());
        assertThat(loaded.queue("Q")).isPresent();
    }

    @Test
    void yaml_scalars_keep_the_text_they_were_written_with() {
        SamTemplate loaded = SamTemplateLoader.load("Parameters:\n  Version: {Type: String, Default: 1.10}\n"
                + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub 'v${Version}-${AWS::StackName}'\n"
                + "      Created: 2024-01-02\n", templateFile, TemplateSettings.defaults());
        assertThat(loaded.parameters()).containsEntry("Version", "1.10");
        assertThat(loaded.topic("T").orElseThrow().topicName()).isEqualTo("v1.10-appliance-local");
        assertThat(loaded.resources().get("T").properties().get("Created").asText()).isEqualTo("2024-01-02");
    }

    @Test
    void a_yaml_definition_file_becomes_json_with_its_substitutions() throws Exception {
        SamTemplate loaded = SamTemplate.load(templateFile.getParent().resolve("yaml/template.yaml"));
        StateMachineResource machine = loaded.stateMachine("YamlMachine").orElseThrow();
        JsonNode definition = new ObjectMapper().readTree(machine.definition());
        assertThat(definition.at("/States/Notify/Parameters/TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:Alerts");
        assertThat(definition.at("/States/Notify/Parameters/Message.$").asText()).isEqualTo("$.message");
        assertThat(machine.arn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:yaml-machine");
        assertThat(loaded.stateMachineByArn(machine.arn())).contains(machine);
    }

    @Test
    void a_resource_whose_condition_is_false_is_dropped() {
        assertThat(template.function("ProdOnlyFunction")).isEmpty();
        assertThat(template.resources()).doesNotContainKey("ProdOnlyFunction");
        assertThat(template.outputs()).doesNotContainKey("ProdOnly");
    }

    @Test
    void the_state_machine_definition_gets_its_substitutions() throws Exception {
        StateMachineResource machine = template.stateMachine("CookStateMachine").orElseThrow();
        assertThat(machine.name()).isEqualTo("cook-events-dev");
        assertThat(machine.arn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:cook-events-dev");
        assertThat(machine.type()).isEqualTo("STANDARD");
        assertThat(machine.loggingLevel()).contains("ALL");
        assertThat(machine.includeExecutionData()).isTrue();
        assertThat(machine.tracingEnabled()).as("from Globals").isTrue();
        assertThat(machine.definitionFile()).contains(templateFile.getParent().resolve("statemachine/cook-events.asl.json"));
        JsonNode definition = new ObjectMapper().readTree(machine.definition());
        assertThat(definition.at("/States/Classify cook/Parameters/FunctionName").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:appliance-local-classify-dev:live");
        assertThat(definition.at("/States/Notify owner/Parameters/TopicArn").asText())
                .isEqualTo("arn:aws:sns:us-east-1:123456789012:cook-alerts-dev");
        assertThat(definition.at("/States/Notify owner/Parameters/Subject").asText()).isEqualTo("second");
        assertThat(machine.definitionSubstitutions()).containsKeys("ClassifyFunctionArn", "AlertTopicArn", "Subject");
    }

    @Test
    void an_inline_definition_has_its_intrinsics_and_substitutions_resolved() throws Exception {
        StateMachineResource machine = template.stateMachine("InlineStateMachine").orElseThrow();
        assertThat(machine.isExpress()).isTrue();
        assertThat(machine.definitionFile()).isEmpty();
        assertThat(machine.tracingEnabled()).isTrue();
        JsonNode definition = new ObjectMapper().readTree(machine.definition());
        assertThat(definition.at("/States/Done/Result/topic").asText()).isEqualTo("cook-alerts-dev");
        assertThat(definition.at("/States/Done/Result/region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void topics_have_local_arns_and_their_subscriptions_from_every_source() {
        TopicResource alerts = template.topic("AlertTopic").orElseThrow();
        assertThat(alerts.topicName()).isEqualTo("cook-alerts-dev");
        assertThat(alerts.arn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:cook-alerts-dev");
        assertThat(alerts.kmsMasterKeyId()).contains("alias/appliance-alerts");
        TopicResource ingest = template.topic("IngestTopic").orElseThrow();
        assertThat(ingest.arn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:IngestTopic");

        List<TopicSubscription> alertSubscriptions = template.subscriptionsOf(alerts.arn());
        assertThat(alertSubscriptions).extracting(TopicSubscription::id)
                .containsExactly("AlertTopic.Subscription[0]", "PushSubscription");
        TopicSubscription email = alertSubscriptions.get(0);
        assertThat(email.protocol()).isEqualTo("email");
        assertThat(email.endpoint()).isEqualTo("owner@example.com");
        assertThat(email.filterPolicy()).isEmpty();
        TopicSubscription push = alertSubscriptions.get(1);
        assertThat(push.filterPolicyScope()).isEqualTo("MessageBody");
        assertThat(push.filterPolicy().orElseThrow().toString()).isEqualTo("{\"outcome\":[{\"prefix\":\"EARLY_END\"}]}");
        assertThat(push.rawMessageDelivery()).isTrue();

        TopicSubscription lambda = template.subscriptionsOf(ingest.arn()).get(0);
        assertThat(lambda.id()).isEqualTo("ClassifyCookFunctionLegacyIngest");
        assertThat(lambda.protocol()).isEqualTo("lambda");
        assertThat(lambda.endpoint()).endsWith(":function:appliance-local-classify-dev:live");
        assertThat(lambda.filterPolicy().orElseThrow().toString()).isEqualTo("{\"outcome\":[\"EARLY_END_PRESET\"]}");
        assertThat(lambda.filterPolicyScope()).isEqualTo("MessageAttributes");
    }

    @Test
    void event_rules_come_from_sam_events_and_events_rule_resources() {
        assertThat(template.eventRules()).extracting(EventRuleTarget::ruleLogicalId)
                .containsExactly("ClassifyCookFunctionCookEnded", "CookStateMachineCookEvent", "AuditRule");

        EventRuleTarget cook = template.eventRules().get(1);
        assertThat(cook.ruleName()).isEqualTo("CookStateMachineCookEvent");
        assertThat(cook.ruleArn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/CookStateMachineCookEvent");
        assertThat(cook.eventBusName()).isEqualTo("default");
        assertThat(cook.pattern().toString()).isEqualTo("{\"source\":[\"appliance.microwave\"],\"detail-type\":[\"Cook Ended\"]}");
        assertThat(cook.targetArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:cook-events-dev");
        assertThat(cook.targetLogicalId()).contains("CookStateMachine");
        assertThat(cook.targetId()).isEqualTo("CookStateMachineCookEventStepFunctionsTarget");
        assertThat(cook.retryPolicy().orElseThrow().get("MaximumRetryAttempts").asInt()).isEqualTo(3);
        assertThat(cook.deadLetterConfig().orElseThrow().get("Arn").asText()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:cook-rule-dlq");
        assertThat(cook.inputTransformer().orElseThrow().get("InputTemplate").asText()).isEqualTo("{\"cook_secs\": <cook>}");
        assertThat(cook.enabled()).isTrue();

        EventRuleTarget function = template.eventRules().get(0);
        assertThat(function.inputPath()).contains("$.detail");
        assertThat(function.targetArn()).endsWith(":function:appliance-local-classify-dev:live");

        EventRuleTarget audit = template.eventRules().get(2);
        assertThat(audit.ruleName()).isEqualTo("cook-audit");
        assertThat(audit.targetId()).isEqualTo("AuditStateMachine");
        assertThat(audit.targetLogicalId()).contains("CookStateMachine");
        assertThat(audit.input()).contains("{\"audit\": true}");
    }

    @Test
    void queues_have_a_url_ref_and_an_arn() {
        QueueResource queue = template.queue("RuleDeadLetterQueue").orElseThrow();
        assertThat(queue.url()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/cook-rule-dlq");
        assertThat(queue.arn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:cook-rule-dlq");
        assertThat(queue.queueName()).isEqualTo("cook-rule-dlq");
    }

    @Test
    void outputs_are_resolved_with_every_intrinsic_function() {
        Map<String, TemplateOutput> outputs = template.outputs();
        assertThat(outputs.get("StateMachineArn").text()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:cook-events-dev");
        assertThat(outputs.get("StateMachineArn").description()).contains("The cook state machine");
        assertThat(outputs.get("ClassifierAlias").text()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:appliance-local-classify-dev:live");
        assertThat(outputs.get("ClassifierVersion").text()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:appliance-local-classify-dev:1");
        assertThat(outputs.get("QueueUrl").text()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/cook-rule-dlq");
        assertThat(outputs.get("QueueName").text()).isEqualTo("cook-rule-dlq");
        assertThat(outputs.get("ZoneList").text()).as("CommaDelimitedList members are trimmed").isEqualTo("a:b:c");
        assertThat(outputs.get("Encoded").text()).isEqualTo("aGVsbG8=");
        assertThat(outputs.get("KeyArn").text()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat(outputs.get("RoleArn").text()).isEqualTo("arn:aws:iam::123456789012:role/ClassifyCookFunctionRole");
        assertThat(outputs.get("AliasResource").text()).endsWith(":function:appliance-local-classify-dev:live");
        assertThat(outputs.get("Dashboard").text()).as("an unknown type is opaque: its Ref is the logical id").isEqualTo("SomethingElse");
        assertThat(outputs.get("Partition").text()).isEqualTo("aws|amazonaws.com|123456789012|${Literal}");
        assertThat(outputs.get("SubWithMap").text()).isEqualTo("cook-events-dev-cook-alerts-dev");
        assertThat(outputs.get("ConditionChain").text()).isEqualTo("east-or-prod");
        assertThat(outputs.get("LongForms").text()).isEqualTo("dev/arn:aws:sns:us-east-1:123456789012:cook-alerts-dev");
    }

    @Test
    void no_value_removes_the_property() {
        assertThat(template.function("ClassifyCookFunction").orElseThrow().environment()).doesNotContainKey("OPTIONAL");
    }

    @Test
    void mappings_and_log_groups_resolve() {
        JsonNode logGroup = template.resources().get("CookLogGroup").properties();
        assertThat(logGroup.get("RetentionInDays").asInt()).isEqualTo(7);
        assertThat(template.resources().get("CookLogGroup").ref()).isEqualTo("/aws/vendedlogs/states/appliance-local-cook");
        JsonNode destinations = template.resources().get("CookStateMachine").properties().at("/Logging/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn");
        assertThat(destinations.asText()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/appliance-local-cook:*");
    }

    @Test
    void parameter_overrides_change_names_conditions_and_mappings() {
        SamTemplate prod = SamTemplate.load(templateFile, TemplateSettings.defaults()
                .withStackName("cooks")
                .withParameterOverrides(ParameterOverrides.parse(List.of("Stage=prod", "ClassifierMemory=1024"))));
        assertThat(prod.parameters()).containsEntry("Stage", "prod").containsEntry("Zones", "a,b,c");
        assertThat(prod.function("ProdOnlyFunction")).isPresent();
        FunctionResource classify = prod.function("ClassifyCookFunction").orElseThrow();
        assertThat(classify.functionName()).isEqualTo("cooks-classify-prod");
        assertThat(classify.memorySize()).isEqualTo(1024);
        assertThat(classify.environment()).containsEntry("OPTIONAL", "yes");
        assertThat(prod.resources().get("CookLogGroup").properties().get("RetentionInDays").asInt()).isEqualTo(90);
        assertThat(prod.outputs().get("ProdOnly").text()).isEqualTo("prod");
        assertThat(prod.stateMachine("CookStateMachine").orElseThrow().name()).isEqualTo("cook-events-prod");
    }

    @Test
    void a_json_template_loads_too() {
        String json = """
                {"Transform": "AWS::Serverless-2016-10-31",
                 "Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-t"}}}},
                 "Outputs": {"Arn": {"Value": {"Ref": "Topic"}}}}
                """;
        SamTemplate loaded = SamTemplateLoader.load(json, templateFile, TemplateSettings.defaults());
        assertThat(loaded.outputs().get("Arn").text()).isEqualTo("arn:aws:sns:us-east-1:123456789012:appliance-local-t");
    }

    @Test
    void the_model_cannot_be_changed_from_outside() {
        JsonNode properties = template.resources().get("CookLogGroup").properties();
        ((com.fasterxml.jackson.databind.node.ObjectNode) properties).put("RetentionInDays", 1);
        assertThat(template.resources().get("CookLogGroup").properties().get("RetentionInDays").asInt()).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.functions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
