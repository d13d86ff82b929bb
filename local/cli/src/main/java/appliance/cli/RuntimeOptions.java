package appliance.cli;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.hybrid.HybridEndpoints;
import picocli.CommandLine.Option;

/** The options of the commands that run the template's application: where Lambda and SNS calls go. */
final class RuntimeOptions {

    @Option(names = "--lambda-endpoint", paramLabel = "URL",
            description = "Send the state machines' Lambda calls to this endpoint (for example sam local start-lambda's http://127.0.0.1:3001).")
    String lambdaEndpoint;

    @Option(names = "--sns-endpoint", paramLabel = "URL", description = "Send the state machines' SNS publishes to this endpoint.")
    String snsEndpoint;

    LocalOptions localOptions() {
        try {
            return LocalOptions.defaults().withEndpoints(HybridEndpoints.of(lambdaEndpoint, snsEndpoint));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
