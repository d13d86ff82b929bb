package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;

/** serve publishes a version and the alias on it for a state machine with SAM's AutoPublishAlias. */
class AutoPublishAliasTest {

    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Greeter";

    @TempDir
    Path project;

    private Path template(String greeting) throws Exception {
        Path file = project.resolve("template.yaml");
        Files.writeString(file, "Transform: AWS::Serverless-2016-10-31\nResources:\n  Greeter:\n"
                + "    Type: AWS::Serverless::StateMachine\n    Properties:\n      Name: Greeter\n      AutoPublishAlias: live\n"
                + "      Definition: {StartAt: P, States: {P: {Type: Pass, Result: " + greeting + ", End: true}}}\n");
        return file;
    }

    private static SfnClient client(TemplateServer running) {
        return SfnClient.builder()
                .endpointOverride(URI.create(running.server().endpoint().toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void the_alias_routes_to_a_version_of_each_definition_served() throws Exception {
        Path store = project.resolve("db");
        try (TemplateServer running = TemplateServer.start(new ServerOptions("127.0.0.1", 0, store, null),
                SamTemplate.load(template("hello")), LocalOptions.defaults(), Clock.systemUTC());
                SfnClient sfn = client(running)) {
            assertThat(sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(MACHINE + ":live")).routingConfiguration())
                    .containsExactly(RoutingConfigurationListItem.builder().stateMachineVersionArn(MACHINE + ":1").weight(100).build());
            String execution = sfn.startExecution(r -> r.stateMachineArn(MACHINE + ":live")).executionArn();
            running.server().finished(execution).get(10, TimeUnit.SECONDS);
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).output()).isEqualTo("\"hello\"");
        }
        try (TemplateServer again = TemplateServer.start(new ServerOptions("127.0.0.1", 0, store, null),
                SamTemplate.load(template("hello")), LocalOptions.defaults(), Clock.systemUTC());
                SfnClient sfn = client(again)) {
            assertThat(sfn.listStateMachineVersions(r -> r.stateMachineArn(MACHINE)).stateMachineVersions())
                    .as("the same definition again publishes nothing new").hasSize(1);
        }
        try (TemplateServer changed = TemplateServer.start(new ServerOptions("127.0.0.1", 0, store, null),
                SamTemplate.load(template("bonjour")), LocalOptions.defaults(), Clock.systemUTC());
                SfnClient sfn = client(changed)) {
            assertThat(sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(MACHINE + ":live")).routingConfiguration())
                    .extracting(RoutingConfigurationListItem::stateMachineVersionArn).containsExactly(MACHINE + ":2");
        }
    }
}
