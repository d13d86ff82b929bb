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
 * query protocol, form-encoded and unsigned, by its content type. Everything else (Step Functions, the
 * web debugger) goes to {@code stepFunctions}.
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

    /** Requests for {@code service} (its signing name: sns, events) go to {@code handler}. */
    void register(String service, HttpHandler handler) {
        services.put(service, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String service = service(exchange);
        HttpHandler handler = service == null ? null : services.get(service);
        (handler != null ? handler : stepFunctions).handle(exchange);
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
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        return form && "POST".equals(exchange.getRequestMethod()) ? "sns" : null;
    }
}
