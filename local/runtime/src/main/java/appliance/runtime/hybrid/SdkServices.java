package appliance.runtime.hybrid;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS SDK v2 client of a service named as Step Functions names it in {@code aws-sdk:NAME}, and the
 * PascalCase prefix of its errors ({@code DynamoDb.ResourceNotFoundException}). The services this jar
 * bundles are listed; any other SDK v2 module on the class path is found by its package and the usual
 * client name ({@code software.amazon.awssdk.services.s3.S3Client}).
 */
final class SdkServices {

    /** Service name to the simple name of its client interface, where that is not the name capitalised. */
    private static final Map<String, String> CLIENTS = Map.of(
            "dynamodb", "DynamoDbClient",
            "eventbridge", "EventBridgeClient",
            "sagemaker", "SageMakerClient",
            "cloudwatch", "CloudWatchClient",
            "elasticmapreduce", "EmrClient",
            "secretsmanager", "SecretsManagerClient",
            "apigateway", "ApiGatewayClient");

    private SdkServices() {
    }

    /** The client interface, or empty when the SDK module of the service is not on the class path. */
    static Optional<Class<?>> clientInterface(String service) {
        try {
            return Optional.of(Class.forName("software.amazon.awssdk.services." + packageName(service) + "."
                    + clientName(service), false, SdkServices.class.getClassLoader()));
        } catch (ClassNotFoundException absent) {
            return Optional.empty();
        }
    }

    /** The service's name in its errors: the client's name without "Client" (DynamoDb, Sqs, Sfn, EventBridge). */
    static String errorPrefix(String service) {
        String client = clientName(service);
        return client.substring(0, client.length() - "Client".length());
    }

    private static String clientName(String service) {
        String known = CLIENTS.get(service);
        if (known != null) {
            return known;
        }
        String letters = service.replaceAll("[^A-Za-z0-9]", "");
        return letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1) + "Client";
    }

    private static String packageName(String service) {
        return "elasticmapreduce".equals(service) ? "emr" : service.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
