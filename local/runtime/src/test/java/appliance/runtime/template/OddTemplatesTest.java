package appliance.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd shapes never surface as a NullPointerException or a ClassCastException: always a TemplateException. */
class OddTemplatesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "Resources: 3",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a\n      Runtime: java21\n      CodeUri: f\n      Events: {E: null}\n",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a\n      Runtime: java21\n      CodeUri: f\n      Environment: {Variables: {A: [1]}}\n",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition: 3\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Join [a]\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref X\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !If [Missing, a, b]\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub [1, 2]\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Split [',', [a]]\n",
        "Resources:\n  X:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern: {source: [a]}\n      Targets: [{Id: t}]\n",
        "Resources:\n  X:\n    Type: AWS::SNS::Topic\nOutputs:\n  O: {Description: d}\n",
        "Parameters: [1]\nResources:\n  X:\n    Type: AWS::SNS::Topic\n",
        "Parameters:\n  P: {Default: 1}\nResources:\n  X:\n    Type: AWS::SNS::Topic\n",
        "Conditions:\n  C: !Equals [a]\nResources:\n  X:\n    Type: AWS::SNS::Topic\n",
        "Conditions:\n  C: !Ref X\nResources:\n  X:\n    Type: AWS::SNS::Topic\n",
        "Transform: AWS::LanguageExtensions\nResources:\n  X:\n    Type: AWS::SNS::Topic\n",
    })
    void an_odd_template_gets_a_template_exception(String yaml) {
        Throwable thrown = catchThrowable(() -> SamTemplateLoader.load(yaml, Path.of("/tmp/odd/template.yaml"), TemplateSettings.defaults()));
        assertThat(thrown).isInstanceOf(TemplateException.class);
        assertThat(thrown.getMessage()).isNotBlank().doesNotContain("Exception");
    }
}
