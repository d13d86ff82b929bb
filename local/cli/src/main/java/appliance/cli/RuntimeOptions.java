package appliance.cli;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.hybrid.HybridEndpoints;
import appliance.runtime.lambda.LambdaIsolation;
import picocli.CommandLine.Option;

/** The options of the commands that run the template's application: where Lambda and SNS calls go, where functions run. */
final class RuntimeOptions {

    @Option(names = "--lambda-endpoint", paramLabel = "URL",
            description = "Send the state machines' Lambda calls to this endpoint (for example sam local start-lambda's http://127.0.0.1:3001).")
    String lambdaEndpoint;

    @Option(names = "--sns-endpoint", paramLabel = "URL", description = "Send the state machines' SNS publishes to this endpoint.")
    String snsEndpoint;

    @Option(names = "--isolation", paramLabel = "process|in-process",
            description = "Where functions run: each in a process of its own (Lambda's isolation; serve's default), or"
                    + " Java functions in this JVM (the default here; other runtimes always get a process).")
    String isolation;

    LocalOptions localOptions() {
        return localOptions(LambdaIsolation.IN_PROCESS);
    }

    /** The options, with functions run as {@code --isolation} says, or as {@code byDefault} when it is not given. */
    LocalOptions localOptions(LambdaIsolation byDefault) {
        try {
            return LocalOptions.defaults().withEndpoints(HybridEndpoints.of(lambdaEndpoint, snsEndpoint))
                    .withIsolation(isolation(isolation, byDefault));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static LambdaIsolation isolation(String flag, LambdaIsolation byDefault) {
        try {
            return flag == null ? byDefault : LambdaIsolation.parse(flag);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
