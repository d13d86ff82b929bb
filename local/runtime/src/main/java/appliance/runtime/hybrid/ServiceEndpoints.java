package appliance.runtime.hybrid;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the service integrations of Task states go, as Step Functions Local's endpoint settings give
 * them: one URL per service, keyed by the service's name in {@code arn:aws:states:::aws-sdk:NAME:...}
 * ({@code lambda}, {@code sqs}, {@code sns}, {@code dynamodb}, {@code sfn}, {@code eventbridge},
 * {@code batch}, {@code ecs}, {@code glue}, {@code sagemaker}, or any other SDK service), the region
 * the clients sign for, and the environment their credentials come from. Where each endpoint came from
 * (an option or a variable) is kept so a message can name it.
 */
public record ServiceEndpoints(Map<String, URI> endpoints, Map<String, String> settingNames, Region region,
        Map<String, String> environment) {

    public ServiceEndpoints {
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        settingNames = Collections.unmodifiableMap(new LinkedHashMap<>(settingNames));
        environment = Map.copyOf(environment);
    }

    /** No endpoints: every integration that would call out fails, naming the setting that would send it. */
    public static ServiceEndpoints none() {
        return new ServiceEndpoints(Map.of(), Map.of(), EndpointClients.REGION, System.getenv());
    }

    public Optional<URI> endpoint(String service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    /** How a user gives the endpoint of {@code service}, for messages: e.g. "SQS_ENDPOINT or --sqs-endpoint". */
    public String settingName(String service) {
        return settingNames.getOrDefault(service, "--endpoint " + service + "=URL");
    }

    /** These endpoints and one more (a later one for the same service wins). */
    public ServiceEndpoints with(String service, URI endpoint) {
        Map<String, URI> more = new LinkedHashMap<>(endpoints);
        more.put(service, endpoint);
        return new ServiceEndpoints(more, settingNames, region, environment);
    }
}
