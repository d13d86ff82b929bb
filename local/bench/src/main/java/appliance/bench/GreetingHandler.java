package appliance.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The function both Lambda benchmarks call: a small map in, a small map out, as a typical handler. */
public class GreetingHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, Object> input, Context context) {
        return Map.of("message", "Hello " + input.get("name") + "!");
    }
}
