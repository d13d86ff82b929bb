package appliance.cli;

import appliance.engine.run.Execution;
import appliance.runtime.app.ExecutionReport;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.events.PutEventsFile;
import appliance.runtime.lambda.LambdaConfigurationException;
import appliance.runtime.template.TemplateException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/appliance put-events FILE}: EventBridge's PutEvents on this machine. The entries (as
 * {@code aws events put-events --entries file://FILE} takes them) are matched against the template's
 * rules with AWS's own matcher; each match starts its target. Prints PutEvents' response, then each
 * execution the events started.
 */
@Command(name = "put-events", mixinStandardHelpOptions = true,
        description = "Puts events on the local EventBridge: the template's rules start their targets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every entry was accepted and every execution succeeded",
                "1:an entry failed or an execution did not succeed", "2:bad arguments, template or file"})
final class PutEventsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Mixin
    RuntimeOptions runtimeOptions = new RuntimeOptions();

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The entries: [{\"Source\", \"DetailType\", \"Detail\", \"EventBusName\"}, ...] or {\"Entries\": [...]}.")
    String entriesFile;

    @Option(names = "--json", description = "One JSON object per execution, on a line each, after the response.")
    boolean json;

    @Override
    public Integer call() {
        List<PutEventsFile.ParsedEntry> entries;
        try {
            entries = PutEventsFile.parse(JsonFiles.readText(entriesFile), entriesFile);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationEndpoint endpoint = runtimeOptions.start(runtimeOptions.load(templateOptions))) {
            LocalApplication application = endpoint.application();
            LocalApplication.PutEventsResult result = application.putEvents(entries);
            application.runUntilIdle();
            out.println(result.outcome().toAwsResponse().toPrettyString());
            RunReportPrinter printer = new RunReportPrinter(out, json);
            boolean allSucceeded = result.outcome().failedEntryCount() == 0;
            for (Execution execution : result.started()) {
                ExecutionReport report = application.report(execution);
                allSucceeded &= report.succeeded();
                printer.print(entriesFile, report);
            }
            return allSucceeded ? 0 : 1;
        } catch (TemplateException | LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        }
    }
}
