package appliance.runtime.hybrid;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients hybrid mode calls through, all set up the same way: the endpoint given, region
 * us-east-1 (where the local ARNs live), {@link LocalCredentials}, the URL-connection HTTP client, and no
 * SDK retries: the state's own {@code Retry} decides, as in Step Functions, and a refused call fails at
 * once instead of backing off.
 */
final class EndpointClients {

    static final Region REGION = Region.US_EAST_1;
    /** Lambda runs a function for up to 15 minutes; a synchronous Invoke answers only then. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(15).plusSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private EndpointClients() {
    }

    static LambdaClient lambda(URI endpoint, Map<String, String> environment) {
        return configured(LambdaClient.builder(), endpoint, environment);
    }

    static SnsClient sns(URI endpoint, Map<String, String> environment) {
        return configured(SnsClient.builder(), endpoint, environment);
    }

    /**
     * The client of any AWS SDK v2 service, from its builder (the client interface's {@code builder()}),
     * set up as the others are, in {@code region}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object any(Object builder, URI endpoint, Map<String, String> environment, Region region) {
        AwsClientBuilder client = (AwsClientBuilder) builder;
        client.region(region);
        client.credentialsProvider(LocalCredentials.from(environment));
        client.endpointOverride(endpoint);
        client.overrideConfiguration(noRetries());
        ((AwsSyncClientBuilder) builder).httpClientBuilder(httpClient());
        return ((software.amazon.awssdk.utils.builder.SdkBuilder) builder).build();
    }

    /** Every client the same way: the endpoint, the local region and credentials, one HTTP client, no SDK retries. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(
            B builder, URI endpoint, Map<String, String> environment) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(LocalCredentials.from(environment))
                .httpClientBuilder(httpClient())
                .overrideConfiguration(noRetries())
                .build();
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT);
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }
}
