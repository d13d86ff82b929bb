package appliance.cli;

import appliance.engine.task.mock.MockConfig;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.hybrid.HybridEndpoints;
import appliance.runtime.hybrid.InvalidEndpointException;
import appliance.runtime.hybrid.ServiceEndpoints;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.template.TemplateSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/**
 * AWS Step Functions Local's configuration, with its names and meaning: each setting from its command
 * line option (both spellings, {@code -lambdaEndpoint} and {@code --lambda-endpoint}) or else from its
 * environment variable ({@code LAMBDA_ENDPOINT}), so a user moving from Step Functions Local changes
 * nothing but the endpoint. Beyond its list: {@code --eventbridge-endpoint} / {@code EVENTBRIDGE_ENDPOINT}
 * and {@code --endpoint SERVICE=URL} for any other {@code aws-sdk:SERVICE} integration.
 */
final class StepFunctionsLocalSettings {

    /** The project's mock configuration, which {@code test} reads and the servers use unless told otherwise. */
    static final String DEFAULT_MOCK_CONFIG = "statemachine/test/MockConfigFile.json";

    /** One endpoint setting: the aws-sdk service name, the variable, and the options. */
    private record EndpointSetting(String service, String variable, String option) {
    }

    private static final List<EndpointSetting> ENDPOINTS = List.of(
            new EndpointSetting("lambda", "LAMBDA_ENDPOINT", "--lambda-endpoint"),
            new EndpointSetting("batch", "BATCH_ENDPOINT", "--batch-endpoint"),
            new EndpointSetting("dynamodb", "DYNAMODB_ENDPOINT", "--dynamodb-endpoint"),
            new EndpointSetting("ecs", "ECS_ENDPOINT", "--ecs-endpoint"),
            new EndpointSetting("glue", "GLUE_ENDPOINT", "--glue-endpoint"),
            new EndpointSetting("sagemaker", "SAGE_MAKER_ENDPOINT", "--sagemaker-endpoint"),
            new EndpointSetting("sqs", "SQS_ENDPOINT", "--sqs-endpoint"),
            new EndpointSetting("sns", "SNS_ENDPOINT", "--sns-endpoint"),
            new EndpointSetting("sfn", "STEP_FUNCTIONS_ENDPOINT", "--step-functions-endpoint"),
            new EndpointSetting("eventbridge", "EVENTBRIDGE_ENDPOINT", "--eventbridge-endpoint"));

    /** Where settings not given as options come from; the process's environment unless a test says otherwise. */
    Map<String, String> environment = System.getenv();

    @Option(names = {"-account", "--aws-account"}, paramLabel = "ACCOUNT",
            description = "The account of the template's resources (AWS_ACCOUNT_ID; default 123456789012).")
    String account;

    @Option(names = {"-region", "--aws-region"}, paramLabel = "REGION",
            description = "The region of the template's resources and of the service clients (AWS_DEFAULT_REGION; default us-east-1).")
    String region;

    @Option(names = {"-waitTimeScale", "--wait-time-scale"}, paramLabel = "SCALE",
            description = "Multiplies every Wait and retry interval: 0 skips them, 0.1 is ten times faster (WAIT_TIME_SCALE; default 1).")
    String waitTimeScale;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "A Step Functions Local MockConfigFile: StartExecution on stateMachineArn#TestCase runs that test case "
                    + "(SFN_MOCK_CONFIG; default: the project's statemachine/test/MockConfigFile.json when there is one).")
    String mockConfig;

    @Option(names = {"-lambdaEndpoint", "--lambda-endpoint"}, paramLabel = "URL",
            description = "Lambda tasks call this endpoint, e.g. sam local start-lambda's http://127.0.0.1:3001 (LAMBDA_ENDPOINT).")
    String lambdaEndpoint;

    @Option(names = {"-batchEndpoint", "--batch-endpoint"}, paramLabel = "URL", description = "AWS Batch (BATCH_ENDPOINT).")
    String batchEndpoint;

    @Option(names = {"-dynamoDBEndpoint", "--dynamodb-endpoint"}, paramLabel = "URL", description = "DynamoDB (DYNAMODB_ENDPOINT).")
    String dynamoDbEndpoint;

    @Option(names = {"-ecsEndpoint", "--ecs-endpoint"}, paramLabel = "URL", description = "Amazon ECS (ECS_ENDPOINT).")
    String ecsEndpoint;

    @Option(names = {"-glueEndpoint", "--glue-endpoint"}, paramLabel = "URL", description = "AWS Glue (GLUE_ENDPOINT).")
    String glueEndpoint;

    @Option(names = {"-sageMakerEndpoint", "--sagemaker-endpoint"}, paramLabel = "URL", description = "SageMaker (SAGE_MAKER_ENDPOINT).")
    String sageMakerEndpoint;

    @Option(names = {"-sqsEndpoint", "--sqs-endpoint"}, paramLabel = "URL", description = "Amazon SQS (SQS_ENDPOINT).")
    String sqsEndpoint;

    @Option(names = {"-snsEndpoint", "--sns-endpoint"}, paramLabel = "URL",
            description = "Amazon SNS; without it sns:publish goes to the template's topics here (SNS_ENDPOINT).")
    String snsEndpoint;

    @Option(names = {"-stepFunctionsEndpoint", "--step-functions-endpoint"}, paramLabel = "URL",
            description = "Step Functions for states:startExecution; without it, this server (STEP_FUNCTIONS_ENDPOINT).")
    String stepFunctionsEndpoint;

    @Option(names = "--eventbridge-endpoint", paramLabel = "URL", description = "EventBridge for events:putEvents (EVENTBRIDGE_ENDPOINT).")
    String eventBridgeEndpoint;

    @Option(names = "--endpoint", paramLabel = "SERVICE=URL",
            description = "The endpoint of any other aws-sdk:SERVICE integration, e.g. --endpoint s3=http://127.0.0.1:9000 (repeatable).")
    List<String> otherEndpoints = new ArrayList<>();

    private String option(String service) {
        return switch (service) {
            case "lambda" -> lambdaEndpoint;
            case "batch" -> batchEndpoint;
            case "dynamodb" -> dynamoDbEndpoint;
            case "ecs" -> ecsEndpoint;
            case "glue" -> glueEndpoint;
            case "sagemaker" -> sageMakerEndpoint;
            case "sqs" -> sqsEndpoint;
            case "sns" -> snsEndpoint;
            case "sfn" -> stepFunctionsEndpoint;
            case "eventbridge" -> eventBridgeEndpoint;
            default -> null;
        };
    }

    /** The option's value, else the variable's; null when neither is set (or set blank). */
    private String setting(String optionValue, String variable) {
        String value = optionValue != null ? optionValue : environment.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String accountId() {
        String value = setting(account, "AWS_ACCOUNT_ID");
        if (value != null && !value.matches("\\d{12}")) {
            throw new UserError("AWS_ACCOUNT_ID / --aws-account must be 12 digits, got " + value);
        }
        return value;
    }

    String region() {
        String value = setting(region, "AWS_DEFAULT_REGION");
        if (value != null && !value.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new UserError("AWS_DEFAULT_REGION / --aws-region is not a region name (such as us-east-1): " + value);
        }
        return value;
    }

    double waitTimeScale() {
        String value = setting(waitTimeScale, "WAIT_TIME_SCALE");
        if (value == null) {
            return 1.0;
        }
        try {
            double scale = Double.parseDouble(value);
            if (scale >= 0 && !Double.isInfinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        throw new UserError("WAIT_TIME_SCALE / --wait-time-scale must be a number of 0 or more, got " + value);
    }

    /** The mock configuration file as given (option, then SFN_MOCK_CONFIG); null when not given. */
    String mockConfigFile() {
        return setting(mockConfig, "SFN_MOCK_CONFIG");
    }

    /**
     * SFN_MOCK_CONFIG or --mock-config; else the project's statemachine/test/MockConfigFile.json, as {@code test}
     * reads it; null when there is neither.
     */
    MockConfig mockConfig(Path projectRoot) {
        String file = mockConfigFile();
        if (file == null) {
            Path projects = projectRoot.resolve(DEFAULT_MOCK_CONFIG);
            if (!Files.isRegularFile(projects)) {
                return null;
            }
            file = projects.toString();
        }
        try {
            return MockConfig.parse(JsonFiles.read(file));
        } catch (IllegalArgumentException e) {
            throw new UserError("the mock configuration " + file + " (SFN_MOCK_CONFIG / --mock-config): " + e.getMessage());
        }
    }

    /** Where the template is "deployed": AWS_ACCOUNT_ID and AWS_DEFAULT_REGION, else Step Functions Local's. */
    TemplateSettings templateSettings() {
        TemplateSettings defaults = TemplateSettings.defaults();
        String accountId = accountId();
        String regionName = region();
        return new TemplateSettings(defaults.stackName(), regionName == null ? defaults.region() : regionName,
                accountId == null ? defaults.accountId() : accountId, Map.of());
    }

    /**
     * The options of the application behind a server: the Lambda and SNS endpoints, the other integrations'
     * endpoints, and where functions run. states:startExecution goes to the server unless
     * STEP_FUNCTIONS_ENDPOINT says otherwise (the server adds its own endpoint once it listens).
     */
    LocalOptions localOptions(LambdaIsolation isolation) {
        return LocalOptions.defaults().withEndpoints(hybridEndpoints()).withServices(serviceEndpoints(null))
                .withIsolation(isolation);
    }

    /** The Lambda and SNS endpoints, which replace the in-process functions and the template's topics. */
    HybridEndpoints hybridEndpoints() {
        try {
            return HybridEndpoints.of(endpoint("lambda"), endpoint("sns"));
        } catch (InvalidEndpointException e) {
            throw new UserError(e.getMessage() + " (" + described("lambda") + " / " + described("sns") + ")");
        }
    }

    /**
     * The endpoints of the other integrations; {@code ownEndpoint} (this server) takes states:startExecution
     * when STEP_FUNCTIONS_ENDPOINT is not set.
     */
    ServiceEndpoints serviceEndpoints(URI ownEndpoint) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (EndpointSetting setting : ENDPOINTS) {
            names.put(setting.service(), described(setting.service()));
            String url = endpoint(setting.service());
            if (url != null) {
                endpoints.put(setting.service(), parse(url, described(setting.service())));
            }
        }
        for (String other : otherEndpoints) {
            int equals = other.indexOf('=');
            if (equals <= 0 || equals == other.length() - 1) {
                throw new UserError("--endpoint takes SERVICE=URL (e.g. s3=http://127.0.0.1:9000), got " + other);
            }
            String service = other.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            endpoints.put(service, parse(other.substring(equals + 1).strip(), "--endpoint " + service));
        }
        if (ownEndpoint != null) {
            endpoints.putIfAbsent("sfn", ownEndpoint);
        }
        String regionName = region();
        return new ServiceEndpoints(endpoints, names, Region.of(regionName == null ? "us-east-1" : regionName), environment);
    }

    private String endpoint(String service) {
        EndpointSetting setting = ENDPOINTS.stream().filter(s -> s.service().equals(service)).findFirst().orElseThrow();
        return setting(option(service), setting.variable());
    }

    private static String described(String service) {
        EndpointSetting setting = ENDPOINTS.stream().filter(s -> s.service().equals(service)).findFirst().orElseThrow();
        return setting.variable() + " or " + setting.option();
    }

    private static URI parse(String url, String setting) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new UserError(setting + " must be an http(s) URL with a host, got " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new UserError(setting + " is not a valid URL: " + url + " (" + e.getReason() + ")");
        }
    }
}
