package appliance.runtime.hybrid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where hybrid mode sends calls: a Lambda endpoint and an SNS endpoint, each optional (an absent one
 * leaves those calls on this machine). Both are http(s) URLs with a host, as the AWS SDK's endpoint
 * override needs them.
 */
public record HybridEndpoints(Optional<URI> lambdaEndpoint, Optional<URI> snsEndpoint) {

    public HybridEndpoints {
        lambdaEndpoint = checked("Lambda", lambdaEndpoint);
        snsEndpoint = checked("SNS", snsEndpoint);
    }

    /** No hybrid mode: every call stays on this machine. */
    public static HybridEndpoints none() {
        return new HybridEndpoints(Optional.empty(), Optional.empty());
    }

    /**
     * The endpoints as a user wrote them (for example {@code --lambda-endpoint http://127.0.0.1:3001});
     * null or blank means not given.
     *
     * @throws InvalidEndpointException naming the endpoint and what is wrong with it
     */
    public static HybridEndpoints of(String lambdaUrl, String snsUrl) {
        return new HybridEndpoints(parse("Lambda", lambdaUrl), parse("SNS", snsUrl));
    }

    /** True when neither endpoint is given. */
    public boolean isEmpty() {
        return lambdaEndpoint.isEmpty() && snsEndpoint.isEmpty();
    }

    private static Optional<URI> parse(String service, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new InvalidEndpointException(service, url, "it is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static Optional<URI> checked(String service, Optional<URI> endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        endpoint.ifPresent(uri -> {
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new InvalidEndpointException(service, uri.toString(), "it must start with http:// or https://");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidEndpointException(service, uri.toString(), "it names no host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidEndpointException(service, uri.toString(), "it must have no query or fragment");
            }
        });
        return endpoint;
    }
}
