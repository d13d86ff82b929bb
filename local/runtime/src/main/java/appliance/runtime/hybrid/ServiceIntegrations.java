package appliance.runtime.hybrid;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The service integrations of Task states that leave this machine, as Step Functions Local makes them:
 * each through the AWS SDK v2 client of its service, at the endpoint configured for it
 * ({@link ServiceEndpoints}).
 * <ul>
 * <li>the optimised integrations {@code sqs:sendMessage}, {@code dynamodb:getItem|putItem|updateItem|deleteItem},
 *     {@code events:putEvents}, and {@code states:startExecution} (fire and forget), with
 *     their results ({@code SdkHttpMetadata}, {@code SdkResponseMetadata}) and errors ({@code SQS.*},
 *     {@code DynamoDB.*}, {@code EventBridge.*}, {@code StepFunctions.*});</li>
 * <li>{@code aws-sdk:SERVICE:ACTION} for any service whose endpoint is given, with errors named
 *     {@code Service.ExceptionName} (PascalCase, as Step Functions names them);</li>
 * <li>the services Step Functions Local only mocks (Batch, ECS, Glue, SageMaker, ...): a failure naming the
 *     mock configuration, since there is nothing here to call.</li>
 * </ul>
 * Other resources (Lambda, and anything else) go to {@code otherwise}. A call of a service with no endpoint
 * fails, naming the setting that gives one.
 */
public final class ServiceIntegrations implements TaskInvoker, AutoCloseable {

    private static final String STATES = "arn:aws:states:::";
    private static final String AWS_SDK = "aws-sdk:";

    /** Optimised integration (service:action in the ARN) to the SDK service and the error prefix Step Functions uses. */
    private static final Map<String, String[]> OPTIMISED = Map.of(
            "sqs:sendMessage", new String[] {"sqs", "SQS"},
            "dynamodb:getItem", new String[] {"dynamodb", "DynamoDB"},
            "dynamodb:putItem", new String[] {"dynamodb", "DynamoDB"},
            "dynamodb:updateItem", new String[] {"dynamodb", "DynamoDB"},
            "dynamodb:deleteItem", new String[] {"dynamodb", "DynamoDB"},
            "events:putEvents", new String[] {"eventbridge", "EventBridge"},
            "states:startExecution", new String[] {"sfn", "StepFunctions"});

    /** Optimised integrations of services Step Functions Local answers only with mocks. */
    private static final Set<String> MOCK_ONLY = Set.of("batch", "ecs", "glue", "sagemaker", "athena", "codebuild",
            "eks", "elasticmapreduce", "emr-containers", "emr-serverless", "databrew", "apigateway", "bedrock",
            "mediaconvert", "http", "evidently", "glue-databrew");

    private final ServiceEndpoints endpoints;
    private final SdkServiceCalls calls;
    private final TaskInvoker otherwise;

    public ServiceIntegrations(ServiceEndpoints endpoints, TaskInvoker otherwise) {
        this.endpoints = endpoints;
        this.calls = new SdkServiceCalls(endpoints);
        this.otherwise = otherwise;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        String resource = request.resource();
        if (!resource.startsWith(STATES)) {
            return otherwise.invoke(request);
        }
        try {
            Optional<JsonNode> answered = answer(resource.substring(STATES.length()), request);
            return answered.<CompletionStage<JsonNode>>map(CompletableFuture::completedFuture)
                    .orElseGet(() -> otherwise.invoke(request));
        } catch (StatesFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private Optional<JsonNode> answer(String integration, TaskRequest request) {
        if (integration.startsWith(AWS_SDK)) {
            String[] parts = integration.substring(AWS_SDK.length()).split(":", 2);
            if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw runtime("The resource '" + request.resource() + "' is not arn:aws:states:::aws-sdk:SERVICE:ACTION");
            }
            String action = pattern(parts[1], request);
            return Optional.of(call(new SdkServiceCalls.Call(parts[0], action, SdkServices.errorPrefix(parts[0]), false),
                    request));
        }
        int dot = integration.indexOf('.');
        String serviceAction = dot < 0 ? integration : integration.substring(0, dot);
        String[] optimised = OPTIMISED.get(serviceAction);
        if (optimised != null) {
            pattern(integration, request);
            String action = serviceAction.substring(serviceAction.indexOf(':') + 1);
            return Optional.of(call(new SdkServiceCalls.Call(optimised[0], action, optimised[1], true), request));
        }
        String service = serviceAction.contains(":") ? serviceAction.substring(0, serviceAction.indexOf(':')) : serviceAction;
        if (MOCK_ONLY.contains(service)) {
            throw runtime("Step Functions Local only mocks " + request.resource() + " (state '" + request.stateName()
                    + "'): give the state a mocked response in a test case of the mock configuration "
                    + "(SFN_MOCK_CONFIG or --mock-config) and start the execution as stateMachineArn#TestCaseName");
        }
        return Optional.empty();
    }

    /** The action without its integration pattern; only request-response runs here. */
    private static String pattern(String action, TaskRequest request) {
        int dot = action.indexOf('.');
        if (dot < 0) {
            return action;
        }
        String suffix = action.substring(dot);
        throw runtime("The integration pattern '" + suffix + "' of " + request.resource() + " (state '"
                + request.stateName() + "') is not supported by this local runtime yet; request-response "
                + "(no suffix) is, or mock the state in a test case");
    }

    private JsonNode call(SdkServiceCalls.Call call, TaskRequest request) {
        URI endpoint = endpoints.endpoint(call.service()).orElseThrow(() -> runtime("The state '" + request.stateName()
                + "' calls " + request.resource() + ", and no endpoint is configured for " + call.service()
                + ": set " + endpoints.settingName(call.service()) + ", or mock the state in a test case"));
        return calls.call(call, endpoint, request.parameters());
    }

    private static StatesFailure runtime(String cause) {
        return new StatesFailure("States.Runtime", cause);
    }

    @Override
    public void close() {
        calls.close();
    }
}
