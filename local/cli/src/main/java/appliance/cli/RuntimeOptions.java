package appliance.cli;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.template.SamTemplate;
import appliance.server.ServerOptions;
import java.io.UncheckedIOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run the template's application in virtual time ({@code run},
 * {@code put-events}): Step Functions Local's configuration, as {@code serve} takes it, and where
 * functions run.
 */
final class RuntimeOptions {

    @Mixin
    StepFunctionsLocalSettings settings = new StepFunctionsLocalSettings();

    @Option(names = "--isolation", paramLabel = "process|in-process",
            description = "Where functions run: each in a process of its own (Lambda's isolation; serve's default), or"
                    + " Java functions in this JVM (the default here; other runtimes always get a process).")
    String isolation;

    /** The application's options: Java functions in-process unless {@code --isolation} says otherwise. */
    LocalOptions localOptions() {
        return settings.localOptions(isolation(isolation, LambdaIsolation.IN_PROCESS));
    }

    /** The template's application behind the in-memory Step Functions server, named and configured as the settings say. */
    ApplicationEndpoint start(SamTemplate template) {
        ServerOptions options = ServerOptions.inMemory(0)
                .withIdentity(template.settings().region(), template.settings().accountId())
                .withMockConfig(settings.mockConfig(template.baseDirectory()))
                .withWaitTimeScale(settings.waitTimeScale());
        LocalOptions local = localOptions();
        try {
            return ApplicationEndpoint.start(options, template, local);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The template, "deployed" in AWS_ACCOUNT_ID and AWS_DEFAULT_REGION (or --aws-account and --aws-region). */
    SamTemplate load(TemplateOptions templateOptions) {
        return templateOptions.load(settings.templateSettings());
    }

    static LambdaIsolation isolation(String flag, LambdaIsolation byDefault) {
        try {
            return flag == null ? byDefault : LambdaIsolation.parse(flag);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
