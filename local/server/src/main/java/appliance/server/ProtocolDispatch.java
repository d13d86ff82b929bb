package appliance.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One port, several AWS services: a request goes to the service it is signed for (the service in its
 * SigV4 credential scope, {@code Credential=KEY/DATE/REGION/SERVICE/aws4_request}, as every AWS SDK and
 * the CLI send it), or else to the service its {@code X-Amz-Target} names ({@code AWSEvents.*}); SNS's
 * query protocol, form-encoded and unsigned, by its content type; S3's REST API, when unsigned, by its
 * {@code x-amz-content-sha256} header (no other service sends it). Everything else (Step Functions, the web
 * debugger's GET pages, which carry none of these) goes to {@code stepFunctions}.
 */
final class ProtocolDispatch implements HttpHandler {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Map<String, String> TARGET_SERVICES = Map.of("AWSEvents.", "events",
            "AmazonSNS.", "sns", "AWSStepFunctions.", "states");

    private final HttpHandler stepFunctions;
    private final Map<String, HttpHandler> services = new ConcurrentHashMap<>();

    ProtocolDispatch(HttpHandler stepFunctions) {
        this.stepFunctions = stepFunctions;
    }

    /** Requests for {@code service} (its signing name: sns, events, s3) go to {@code handler}. */
    void register(String service, HttpHandler handler) {
        services.put(service, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        orElse(stepFunctions).handle(exchange);
    }

    /**
     * The registered services' requests to them, others to {@code fallback}: for a path the server serves
     * itself ({@code /debug/}), which is also an S3 bucket's path when an S3 client asks for it.
     */
    HttpHandler orElse(HttpHandler fallback) {
        return exchange -> {
            String service = service(exchange);
            HttpHandler handler = service == null ? null : services.get(service);
            (handler != null ? handler : fallback).handle(exchange);
        };
    }

    private static String service(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher scope = SCOPE.matcher(authorization);
            if (scope.find()) {
                return scope.group(1);
            }
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return TARGET_SERVICES.entrySet().stream().filter(prefix -> target.startsWith(prefix.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (exchange.getRequestHeaders().containsKey("x-amz-content-sha256")) {
            return "s3";
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        return form && "POST".equals(exchange.getRequestMethod()) ? "sns" : null;
    }
}
