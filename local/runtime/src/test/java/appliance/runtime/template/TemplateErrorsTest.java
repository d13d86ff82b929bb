package appliance.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every template the local runtime cannot run gets a message naming the resource and property. */
class TemplateErrorsTest {

    @TempDir
    Path folder;

    private static final String HEADER = "Transform: AWS::Serverless-2016-10-31\n";

    private String errorOf(String yaml) {
        return errorOf(yaml, TemplateSettings.defaults());
    }

    private String errorOf(String yaml, TemplateSettings settings) {
        Path file = folder.resolve("template.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SamTemplate.load(file, settings));
        assertThat(thrown).isInstanceOf(TemplateException.class);
        return thrown.getMessage();
    }

    private static String function(String properties) {
        return HEADER + "Resources:\n  ClassifyCookFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n" + properties;
    }

    @Test
    void a_function_without_a_handler() {
        assertThat(errorOf(function("      CodeUri: f\n      Runtime: java21\n")))
                .isEqualTo("Resource ClassifyCookFunction: property Handler is missing");
    }

    @Test
    void a_function_without_code() {
        assertThat(errorOf(function("      Handler: a.B\n      Runtime: java21\n")))
                .isEqualTo("Resource ClassifyCookFunction: property CodeUri is missing");
    }

    @Test
    void a_function_with_code_in_s3() {
        assertThat(errorOf(function("      Handler: a.B\n      Runtime: java21\n      CodeUri: {Bucket: b, Key: k}\n")))
                .startsWith("Resource ClassifyCookFunction: property CodeUri must be a local folder");
    }

    @Test
    void a_memory_size_that_is_not_a_number() {
        assertThat(errorOf(function("      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n      MemorySize: big\n")))
                .isEqualTo("Resource ClassifyCookFunction: property MemorySize must be a whole number, got \"big\"");
    }

    @Test
    void two_architectures_after_globals_are_appended() {
        String yaml = HEADER + "Globals:\n  Function:\n    Architectures: [arm64]\n"
                + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n      Architectures: [x86_64]\n";
        assertThat(errorOf(yaml)).startsWith("Resource F: property Architectures must name exactly one of x86_64 or arm64, got [arm64, x86_64]");
    }

    @Test
    void a_get_att_of_a_resource_that_does_not_exist() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt Y.Arn\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !GetAtt Y.Arn: no resource Y");
    }

    @Test
    void a_get_att_of_an_attribute_the_type_does_not_have() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt X.Nope\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !GetAtt X.Nope: AWS::SNS::Topic has no attribute Nope locally (it has: TopicArn, TopicName)");
    }

    @Test
    void a_function_has_no_name_attribute_as_on_aws() {
        String yaml = function("      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n")
                + "  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt ClassifyCookFunction.Name\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource T: !GetAtt ClassifyCookFunction.Name: AWS::Serverless::Function has no attribute Name locally (it has: Arn)");
    }

    @Test
    void a_ref_to_a_resource_whose_condition_is_false() {
        String yaml = HEADER + "Parameters:\n  Stage: {Type: String, Default: dev}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\n"
                + "Resources:\n  P:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n"
                + "  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !GetAtt P.TopicName\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !GetAtt P.TopicName: resource P is not created, as its Condition IsProd is false (guard this with !If IsProd)");
    }

    @Test
    void a_ref_to_nothing() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref Missing\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !Ref Missing: no parameter or resource Missing");
    }

    @Test
    void a_sub_with_an_unknown_name() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Sub 'a-${Missing}'\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !Sub 'a-${Missing}': !Ref Missing: no parameter or resource Missing");
    }

    @Test
    void an_import_value_cannot_be_resolved_locally() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !ImportValue shared-topic\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !ImportValue shared-topic: values exported by other stacks do not exist locally; pass the value as a parameter instead");
    }

    @Test
    void a_select_out_of_range() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Select [3, [a, b]]\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !Select: index 3 is out of range for a list of 2");
    }

    @Test
    void a_find_in_map_with_a_missing_key() {
        String yaml = HEADER + "Mappings:\n  M:\n    dev: {a: 1}\n"
                + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !FindInMap [M, dev, b]\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !FindInMap [M, dev, b]: mapping M.dev has no key b");
    }

    @Test
    void an_unknown_condition() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Condition: Nope\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: Condition: no condition Nope in Conditions");
    }

    @Test
    void conditions_that_refer_to_each_other() {
        String yaml = HEADER + "Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\n"
                + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml)).isEqualTo("Condition A: refers to itself through other conditions");
    }

    @Test
    void an_unknown_parameter_override() {
        String yaml = HEADER + "Parameters:\n  Stage: {Type: String, Default: dev}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml, TemplateSettings.defaults().withParameterOverrides(Map.of("Stag", "prod"))))
                .isEqualTo("Parameter override Stag: the template has no parameter Stag (it declares: Stage)");
    }

    @Test
    void a_parameter_without_value_or_default() {
        String yaml = HEADER + "Parameters:\n  Email: {Type: String}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml)).isEqualTo("Parameter Email: no value given and no Default (pass it as --parameter-overrides Email=VALUE)");
    }

    @Test
    void a_parameter_value_outside_allowed_values() {
        String yaml = HEADER + "Parameters:\n  Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml, TemplateSettings.defaults().withParameterOverrides(Map.of("Stage", "test"))))
                .isEqualTo("Parameter Stage: value 'test' is not one of the AllowedValues [dev, prod]");
    }

    @Test
    void a_number_parameter_that_is_not_a_number() {
        String yaml = HEADER + "Parameters:\n  Memory: {Type: Number, Default: 512}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml, TemplateSettings.defaults().withParameterOverrides(Map.of("Memory", "lots"))))
                .isEqualTo("Parameter Memory: value 'lots' is not a Number");
    }

    @Test
    void a_malformed_parameter_override() {
        assertThatThrownBy(() -> ParameterOverrides.parse(List.of("Stage")))
                .isInstanceOf(TemplateException.class).hasMessage("Parameter override 'Stage' is not of the form Key=Value");
        assertThat(ParameterOverrides.parse(List.of("ParameterKey=Stage,ParameterValue=prod", "Email=\"a@b.c\"")))
                .containsExactly(Map.entry("Stage", "prod"), Map.entry("Email", "a@b.c"));
    }

    @Test
    void a_definition_placeholder_without_substitution() throws IOException {
        Files.writeString(folder.resolve("machine.asl.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${NotGiven}\", \"Parameters\": {\"T\": \"${AlsoMissing}\", \"U\": \"${Given}\"}, \"End\": true}}}");
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: machine.asl.json\n      DefinitionSubstitutions:\n        Given: x\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource Machine: DefinitionUri machine.asl.json: placeholders ${AlsoMissing}, ${NotGiven} have no entry in DefinitionSubstitutions");
    }

    @Test
    void a_definition_file_that_does_not_exist() {
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: nowhere.asl.json\n";
        assertThat(errorOf(yaml)).startsWith("Resource Machine: DefinitionUri nowhere.asl.json: the file ").endsWith("nowhere.asl.json cannot be read (NoSuchFileException)");
    }

    @Test
    void a_definition_that_is_not_json_after_substitution() throws IOException {
        Files.writeString(folder.resolve("machine.asl.json"), "{\"StartAt\": ${Start}}");
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: machine.asl.json\n      DefinitionSubstitutions: {Start: A}\n";
        assertThat(errorOf(yaml)).startsWith("Resource Machine: DefinitionUri machine.asl.json: not valid JSON after DefinitionSubstitutions: ");
    }

    @Test
    void a_state_machine_without_a_definition() {
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties: {}\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource Machine: property DefinitionUri is missing (or give an inline Definition)");
    }

    @Test
    void a_state_machine_with_a_bad_logging_level() {
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n      Logging: {Level: LOUD}\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource Machine: property Logging.Level must be one of [ALL, ERROR, FATAL, OFF], got LOUD");
    }

    @Test
    void an_event_bridge_rule_event_without_a_pattern() {
        String yaml = function("      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n      Events:\n        Cook:\n          Type: EventBridgeRule\n          Properties: {}\n");
        assertThat(errorOf(yaml)).isEqualTo("Resource ClassifyCookFunction: Events.Cook: property Pattern is missing");
    }

    @Test
    void a_filter_policy_that_is_not_json() {
        String yaml = HEADER + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n  S:\n    Type: AWS::SNS::Subscription\n    Properties:\n"
                + "      TopicArn: !Ref T\n      Protocol: email\n      Endpoint: a@b.c\n      FilterPolicy: '{nope'\n";
        assertThat(errorOf(yaml)).startsWith("Resource S: property FilterPolicy is not valid JSON: ");
    }

    @Test
    void a_serverless_resource_without_the_transform() {
        String yaml = "Resources:\n  F:\n    Type: AWS::Serverless::Function\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource F: AWS::Serverless::Function needs 'Transform: AWS::Serverless-2016-10-31' at the top of the template");
    }

    @Test
    void an_unknown_globals_section() {
        String yaml = HEADER + "Globals:\n  Functions: {Timeout: 3}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml)).startsWith("Globals: 'Functions' is not a section SAM supports");
    }

    @Test
    void a_template_without_resources() {
        assertThat(errorOf(HEADER + "Parameters: {}\n")).isEqualTo("template.yaml: the Resources section is missing or empty");
    }

    @Test
    void a_resource_without_a_type() {
        assertThat(errorOf(HEADER + "Resources:\n  X:\n    Properties: {}\n")).isEqualTo("Resource X: Type is missing");
    }

    @Test
    void yaml_that_does_not_parse_names_the_line() {
        assertThat(errorOf(HEADER + "Resources:\n  X: [unclosed\n")).startsWith("template.yaml: not valid YAML at line ");
    }

    @Test
    void a_duplicated_key() {
        assertThat(errorOf(HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n  X:\n    Type: AWS::SQS::Queue\n"))
                .startsWith("template.yaml: not valid YAML at line").contains("found duplicate key X");
    }

    @Test
    void an_unclosed_sub_placeholder() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Sub 'a-${Open'\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: !Sub 'a-${Open': a '${' has no closing '}'");
    }

    @Test
    void an_unknown_intrinsic_function() {
        String yaml = HEADER + "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: {\"Fn::Nope\": 1}\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource X: Fn::Nope is not an intrinsic function the local runtime knows");
    }

    @Test
    void a_ref_to_the_alias_of_a_function_without_one() {
        String yaml = function("      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n")
                + "  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref ClassifyCookFunction.Alias\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource T: !Ref ClassifyCookFunction.Alias: function ClassifyCookFunction has no AutoPublishAlias");
    }

    @Test
    void a_json_template_with_a_syntax_error_gets_the_json_parsers_message() {
        assertThat(errorOf("{\"Resources\": {\"X\": {\"Type\": \"AWS::SNS::Topic\"}"))
                .startsWith("template.yaml: not valid JSON at line 1, column ");
    }

    @Test
    void a_json_template_with_a_duplicated_key() {
        assertThat(errorOf("{\"Resources\": {\"X\": {\"Type\": \"AWS::SNS::Topic\"}, \"X\": {\"Type\": \"AWS::SQS::Queue\"}}}"))
                .startsWith("template.yaml: not valid JSON").contains("Duplicate field 'X'");
    }

    @Test
    void an_ssm_parameter_needs_an_override_locally() {
        String yaml = HEADER + "Parameters:\n  Ami: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/ami}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n";
        assertThat(errorOf(yaml)).isEqualTo("Parameter Ami: type AWS::SSM::Parameter::Value<String> reads SSM Parameter Store, which the local runtime"
                + " does not have; give the value itself with --parameter-overrides Ami=VALUE");
    }

    @Test
    void a_log_format_lambda_does_not_have() {
        assertThat(errorOf(function("      Handler: a.B\n      Runtime: java21\n      CodeUri: f\n      LoggingConfig: {LogFormat: XML}\n")))
                .isEqualTo("Resource ClassifyCookFunction: property LoggingConfig.LogFormat must be Text or JSON, got XML");
    }

    @Test
    void a_template_file_that_does_not_exist() {
        assertThatThrownBy(() -> SamTemplate.load(folder.resolve("missing.yaml")))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("Template ").hasMessageContaining("cannot be read (NoSuchFileException");
    }

    @Test
    void an_auto_publish_alias_that_reads_as_a_version_number_is_refused() {
        String yaml = HEADER + "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                + "      AutoPublishAlias: \"42\"\n      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}\n";
        assertThat(errorOf(yaml)).isEqualTo("Resource Machine: property AutoPublishAlias must be 1 to 80 letters, digits,"
                + " '_', '-' or '.', not all digits; got 42");
    }
}
