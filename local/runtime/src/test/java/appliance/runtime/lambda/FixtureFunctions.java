package appliance.runtime.lambda;

import appliance.runtime.lambda.fixtures.GreetingHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Function configs whose code is this module's test classes plus the jars a function module would package. */
final class FixtureFunctions {
    private FixtureFunctions() {
    }

    static final List<Path> CLASSPATH = List.of(
            codeOf(GreetingHandler.class),
            codeOf(SNSEvent.class),
            codeOf(org.joda.time.DateTime.class));

    static LambdaFunctionConfig function(String name, String handler) {
        return function(name, handler, Map.of(), null);
    }

    static LambdaFunctionConfig function(String name, String handler, Map<String, String> environment,
                                         Integer reservedConcurrency) {
        return new LambdaFunctionConfig(name + "Function", name, handler, CLASSPATH, 512, 3, environment,
                reservedConcurrency, "arm64", "java21", LambdaFunctionConfig.LATEST);
    }

    static String handler(Class<?> handlerClass) {
        return handlerClass.getName();
    }

    private static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
