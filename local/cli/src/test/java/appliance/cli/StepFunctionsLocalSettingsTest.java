package appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.runtime.hybrid.ServiceEndpoints;
import appliance.server.ServerOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Step Functions Local's configuration: its environment variables, and its options, which win over them. */
class StepFunctionsLocalSettingsTest {

    @TempDir
    Path folder;

    private static ServeCommand serve(Map<String, String> environment, String... args) {
        ServeCommand command = new ServeCommand();
        command.settings.environment = environment;
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void every_endpoint_variable_of_step_functions_local_is_read() {
        Map<String, String> environment = Map.of("LAMBDA_ENDPOINT", "http://127.0.0.1:3001", "SNS_ENDPOINT", "http://127.0.0.1:1",
                "SQS_ENDPOINT", "http://127.0.0.1:2", "DYNAMODB_ENDPOINT", "http://127.0.0.1:3",
                "STEP_FUNCTIONS_ENDPOINT", "http://127.0.0.1:4", "BATCH_ENDPOINT", "http://127.0.0.1:5",
                "ECS_ENDPOINT", "http://127.0.0.1:6", "GLUE_ENDPOINT", "http://127.0.0.1:7",
                "SAGE_MAKER_ENDPOINT", "http://127.0.0.1:8", "EVENTBRIDGE_ENDPOINT", "http://127.0.0.1:9");
        StepFunctionsLocalSettings settings = serve(environment).settings;

        ServiceEndpoints endpoints = settings.serviceEndpoints(null);

        assertThat(settings.hybridEndpoints().lambdaEndpoint()).contains(URI.create("http://127.0.0.1:3001"));
        assertThat(settings.hybridEndpoints().snsEndpoint()).contains(URI.create("http://127.0.0.1:1"));
        assertThat(endpoints.endpoints()).containsEntry("sqs", URI.create("http://127.0.0.1:2"))
                .containsEntry("dynamodb", URI.create("http://127.0.0.1:3")).containsEntry("sfn", URI.create("http://127.0.0.1:4"))
                .containsEntry("batch", URI.create("http://127.0.0.1:5")).containsEntry("ecs", URI.create("http://127.0.0.1:6"))
                .containsEntry("glue", URI.create("http://127.0.0.1:7")).containsEntry("sagemaker", URI.create("http://127.0.0.1:8"))
                .containsEntry("eventbridge", URI.create("http://127.0.0.1:9"));
        assertThat(endpoints.settingName("sqs")).isEqualTo("SQS_ENDPOINT or --sqs-endpoint");
    }

    @Test
    void an_option_wins_over_its_variable_in_either_spelling() {
        Map<String, String> environment = Map.of("SQS_ENDPOINT", "http://127.0.0.1:2", "DYNAMODB_ENDPOINT", "http://127.0.0.1:3");

        ServiceEndpoints endpoints = serve(environment, "-sqsEndpoint", "http://127.0.0.1:20",
                "--dynamodb-endpoint", "http://127.0.0.1:30", "--endpoint", "s3=http://127.0.0.1:40").settings.serviceEndpoints(null);

        assertThat(endpoints.endpoints()).containsEntry("sqs", URI.create("http://127.0.0.1:20"))
                .containsEntry("dynamodb", URI.create("http://127.0.0.1:30")).containsEntry("s3", URI.create("http://127.0.0.1:40"));
    }

    @Test
    void wait_time_scale_mock_config_account_and_region_come_from_the_environment() throws Exception {
        Path mocks = folder.resolve("MockConfigFile.json");
        Files.writeString(mocks, "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1}}}}");
        ServeCommand command = serve(Map.of("WAIT_TIME_SCALE", "0", "SFN_MOCK_CONFIG", mocks.toString(),
                "AWS_ACCOUNT_ID", "111122223333", "AWS_DEFAULT_REGION", "eu-west-1"), "--no-template");

        ServerOptions options = command.options(command.template());

        assertThat(options.waitTimeScale()).isZero();
        assertThat(options.mockConfig().testCases()).containsOnlyKeys("M");
        assertThat(command.template().settings().accountId()).isEqualTo("111122223333");
        assertThat(command.template().settings().region()).isEqualTo("eu-west-1");
        assertThat(options.account()).isEqualTo("111122223333");
        assertThat(options.region()).isEqualTo("eu-west-1");
        assertThat(command.settings.serviceEndpoints(null).region().id()).isEqualTo("eu-west-1");
    }

    @Test
    void a_bad_setting_is_refused_naming_the_variable_and_the_option() {
        assertThatThrownBy(() -> serve(Map.of("WAIT_TIME_SCALE", "fast")).settings.waitTimeScale())
                .isInstanceOf(UserError.class).hasMessageContaining("WAIT_TIME_SCALE / --wait-time-scale").hasMessageContaining("fast");
        assertThatThrownBy(() -> serve(Map.of("SQS_ENDPOINT", "localhost:9324")).settings.serviceEndpoints(null))
                .isInstanceOf(UserError.class).hasMessageContaining("SQS_ENDPOINT or --sqs-endpoint");
        assertThatThrownBy(() -> serve(Map.of("AWS_ACCOUNT_ID", "12")).settings.accountId())
                .isInstanceOf(UserError.class).hasMessageContaining("AWS_ACCOUNT_ID");
    }

    @Test
    void a_missing_mock_config_file_is_named() {
        CommandRun run = CommandRun.of("serve", "--no-template", "--port", "0", "--mock-config", folder.resolve("none.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.json");
    }
}
