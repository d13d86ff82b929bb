package appliance.cli;

import appliance.engine.run.Execution;
import appliance.runtime.app.ExecutionReport;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.lambda.LambdaConfigurationException;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import appliance.runtime.template.TemplateException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/appliance run EVENT...}: the main job. Runs each event through the whole workflow of
 * template.yaml on this machine, as AWS would: a bare event straight into the state machine, an
 * EventBridge envelope through the template's rules, the seed's SNS envelope through its topic and the
 * starter function. Prints each execution state by state, with its deliveries, logs and cost.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs each event through the workflow of the template and shows what happened.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every execution succeeded", "1:an execution failed, or an event started none",
                "2:bad arguments, template or event file"})
final class RunCommand implements Callable<Integer> {

    static final int NOT_ALL_SUCCEEDED = 1;
    /** Above this many events a progress line is printed on stderr. */
    private static final int PROGRESS_FROM = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Mixin
    RuntimeOptions runtimeOptions = new RuntimeOptions();

    @Parameters(arity = "1..*", paramLabel = "EVENT", description = "Files with an event each: bare, EventBridge envelope or SNS envelope.")
    List<String> eventFiles;

    @Option(names = "--json", description = "One JSON object per execution, on a line each, instead of the report.")
    boolean json;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID",
            description = "Which state machine bare events go to, when the template has several.")
    String stateMachineId;

    @Override
    public Integer call() {
        SamTemplate template = templateOptions.load();
        String bareEventsGoTo = bareEventTarget(template);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunReportPrinter printer = new RunReportPrinter(out, json);
        boolean allSucceeded = true;
        boolean badEvent = false;
        try (LocalApplication application = LocalApplication.start(template, runtimeOptions.localOptions())) {
            for (int i = 0; i < eventFiles.size(); i++) {
                String file = eventFiles.get(i);
                try {
                    allSucceeded &= runEvent(application, file, bareEventsGoTo, printer);
                } catch (UserError e) {
                    // One bad file does not stop the others: it is reported, and the exit code says so.
                    badEvent = true;
                    report(out, err, file, e.getMessage());
                }
                out.flush();
                if (eventFiles.size() > PROGRESS_FROM && ((i + 1) % Math.max(1, eventFiles.size() / 10) == 0
                        || i + 1 == eventFiles.size())) {
                    err.printf("bin/appliance run: %d of %d events run%n", i + 1, eventFiles.size());
                    err.flush();
                }
            }
        } catch (TemplateException | LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        }
        return badEvent ? ApplianceCommand.USER_ERROR : allSucceeded ? 0 : NOT_ALL_SUCCEEDED;
    }

    /** Runs one event to the end of every execution it starts, prints them, and says whether all succeeded. */
    private boolean runEvent(LocalApplication application, String file, String bareEventsGoTo, RunReportPrinter printer) {
        PrintWriter out = spec.commandLine().getOut();
        List<Execution> started = submit(application, file, bareEventsGoTo);
        application.runUntilIdle();
        if (started.isEmpty() && !application.lastSnsIngest().deliveries().isEmpty()) {
            // A topic whose subscribers are functions only (examples/seed-nodejs): what the deliveries did.
            return printer.printDeliveries(file, application.lastSnsIngest());
        }
        if (started.isEmpty()) {
            report(out, spec.commandLine().getErr(), file,
                    "the event started no execution: no rule or subscription of the template took it");
            return false;
        }
        boolean allSucceeded = true;
        for (Execution execution : started) {
            ExecutionReport report = application.report(execution);
            allSucceeded &= report.succeeded();
            printer.print(file, report);
        }
        return allSucceeded;
    }

    private void report(PrintWriter out, PrintWriter err, String file, String problem) {
        if (json) {
            out.println(JsonFiles.JSON.createObjectNode().put("event", file).put("status", "NOT_STARTED").put("error", problem));
        } else {
            err.println("bin/appliance run: " + file + ": " + problem);
        }
    }

    private String bareEventTarget(SamTemplate template) {
        List<StateMachineResource> machines = template.stateMachines();
        if (stateMachineId != null) {
            return template.stateMachine(stateMachineId).map(StateMachineResource::arn).orElseThrow(() -> new UserError(
                    "no state machine " + stateMachineId + " in " + templateOptions.template));
        }
        if (machines.size() == 1) {
            return machines.get(0).arn();
        }
        return null;
    }

    /** Hands the event to the application the way it would arrive on AWS; returns what it started. */
    private List<Execution> submit(LocalApplication application, String file, String bareEventsGoTo) {
        JsonNode event = readEvent(file);
        try {
            if (event.isObject() && event.path("Records").path(0).has("Sns")) {
                return application.publishSnsEvent(event);
            }
            if (event.isObject() && event.has("detail-type") && event.has("source")) {
                return application.putEvent((ObjectNode) event);
            }
            if (bareEventsGoTo == null) {
                throw new UserError("the template has several state machines; say which gets bare events with --state-machine");
            }
            return new ArrayList<>(List.of(application.startExecution(bareEventsGoTo, UUID.randomUUID().toString(), event, null)));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static JsonNode readEvent(String file) {
        String text = JsonFiles.readText(file);
        try {
            JsonNode event = JsonFiles.JSON.readTree(text);
            if (event == null || event.isMissingNode()) {
                throw new UserError("the file is empty");
            }
            return event;
        } catch (JsonProcessingException e) {
            // Step Functions refuses such an input (InvalidExecutionInput) before any state runs.
            throw new UserError("not valid JSON, so no workflow can start with it (Step Functions answers"
                    + " InvalidExecutionInput): " + JsonFiles.problem(e));
        }
    }
}
