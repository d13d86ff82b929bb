package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.runtime.app.LocalApplication;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which template topic an SNS event goes to when its TopicArn is not one of the template's. */
class SnsTopicRoutingTest {

    private static final String CONSOLE_TOPIC = "arn:aws:sns:us-east-1:123456789012:ExampleTopic";

    @TempDir
    Path scratch;

    @Test
    void a_foreign_topic_means_the_templates_one_topic_with_a_function_subscribed() {
        try (LocalApplication application = LocalApplication.start(
                SamTemplate.load(WorkflowDefinition.file("template.yaml")), LocalOptions.defaults())) {
            String ingest = "arn:aws:sns:us-east-1:123456789012:CookEventsIngestTopic";

            assertThat(application.snsTopicFor(CONSOLE_TOPIC)).isEqualTo(ingest);
            assertThat(application.snsTopicFor(null)).isEqualTo(ingest);
            assertThat(application.snsTopicFor(ingest)).isEqualTo(ingest);
        }
    }

    @Test
    void with_two_subscribed_topics_a_foreign_topic_is_refused_naming_both() throws IOException {
        Path template = scratch.resolve("template.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Starter:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: %s
                      Handler: appliance.starter.StartCookWorkflowHandler::handleRequest
                      Runtime: java21
                      Events:
                        FromFirst:
                          Type: SNS
                          Properties:
                            Topic: !Ref FirstTopic
                        FromSecond:
                          Type: SNS
                          Properties:
                            Topic: !Ref SecondTopic
                  FirstTopic:
                    Type: AWS::SNS::Topic
                  SecondTopic:
                    Type: AWS::SNS::Topic
                """.formatted(WorkflowDefinition.file("functions/starter")));

        try (LocalApplication application = LocalApplication.start(SamTemplate.load(template), LocalOptions.defaults())) {
            assertThatThrownBy(() -> application.snsTopicFor(CONSOLE_TOPIC))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TopicArn " + CONSOLE_TOPIC + " is not a topic of the template")
                    .hasMessageContaining("arn:aws:sns:us-east-1:123456789012:FirstTopic")
                    .hasMessageContaining("arn:aws:sns:us-east-1:123456789012:SecondTopic");
        }
    }
}
