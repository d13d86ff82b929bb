package appliance.cli;

import appliance.engine.maprun.ObjectStore;
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
        exitCodeListHeading = "%nExit codes (1, 4 and 8 add up when several kinds of failure happen):%n",
        exitCodeList = {"0:every execution succeeded", "1:an execution ended other than SUCCEEDED",
                "4:an event started no execution", "8:a file was not an event (unreadable, not JSON, over 256 KiB)",
                "2:bad arguments or template"})
final class RunCommand implements Callable<Integer> {

    /** Above this many events a progress line is printed on stderr. */
    private static final int PROGRESS_FROM = 10;
    /** Step Functions' limit on an execution's input, which StartExecution enforces (and SNS's and EventBridge's on an event). */
    static final int MAX_INPUT_BYTES = 262_144;

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Mixin
    RuntimeOptions runtimeOptions = new RuntimeOptions();

    @Mixin
    S3Options s3 = new S3Options();

    @Parameters(arity = "0..*", paramLabel = "EVENT",
            description = "Files with an event each: bare, EventBridge envelope or SNS envelope; - reads standard input.")
    List<String> eventFiles = new ArrayList<>();

    @Option(names = {"-e", "--event"}, paramLabel = "FILE", description = "An event file, as sam local invoke takes it (- for standard input).")
    List<String> namedEventFiles = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per execution, on a line each, instead of the report.")
    boolean json;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID",
            description = "Which state machine bare events go to, when the template has several.")
    String stateMachineId;

    @Override
    public Integer call() {
        List<String> files = new ArrayList<>(namedEventFiles);
        files.addAll(eventFiles);
        if (files.isEmpty()) {
            throw new UserError("no event: name event files (or - for standard input), for example events/preset-ended-early.json");
        }
        SamTemplate template = runtimeOptions.load(templateOptions);
        String bareEventsGoTo = bareEventTarget(template);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunReportPrinter printer = new RunReportPrinter(out, json);
        RunTally tally = new RunTally();
        // Distributed Maps' ItemReader and ResultWriter, as execute and serve have them (bad options fail first).
        ObjectStore objects = s3.store();
        // The application behind the one local endpoint, which the starter function's SfnClient reaches.
        try (ApplicationEndpoint endpoint = runtimeOptions.start(template)) {
            LocalApplication application = endpoint.application();
            application.useObjectStore(objects);
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i);
                try {
                    runEvent(application, file, bareEventsGoTo, printer, tally);
                } catch (UserError e) {
                    // One bad file does not stop the others: it is reported, and the exit code says so.
                    tally.notAnEvent();
                    report(out, err, file, e.getMessage());
                }
                out.flush();
                if (files.size() > PROGRESS_FROM && ((i + 1) % Math.max(1, files.size() / 10) == 0 || i + 1 == files.size())) {
                    err.printf("bin/appliance run: %d of %d events run%n", i + 1, files.size());
                    err.flush();
                }
            }
        } catch (TemplateException | LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        }
        if (files.size() > 1) {
            // The last line says how it went; with --json, stdout stays one JSON object a line.
            (json ? err : out).println(tally.summary(files.size()));
        }
        return tally.exitCode();
    }

    /** Runs one event to the end of every execution it starts, prints them, and counts how they ended. */
    private void runEvent(LocalApplication application, String file, String bareEventsGoTo, RunReportPrinter printer,
            RunTally tally) {
        PrintWriter out = spec.commandLine().getOut();
        List<Execution> started = submit(application, file, bareEventsGoTo);
        application.runUntilIdle();
        if (started.isEmpty() && !application.lastSnsIngest().deliveries().isEmpty()) {
            // A topic whose subscribers are functions only (examples/seed-nodejs): what the deliveries did.
            // Counted as an event that succeeded or failed: its deliveries are all it did.
            tally.executionEnded(printer.printDeliveries(file, application.lastSnsIngest()));
            return;
        }
        if (started.isEmpty()) {
            report(out, spec.commandLine().getErr(), file,
                    "the event started no execution: no rule or subscription of the template took it");
            tally.startedNothing();
            return;
        }
        for (Execution execution : started) {
            ExecutionReport report = application.report(execution);
            tally.executionEnded(report.succeeded());
            printer.print(file, report);
        }
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
                sayWhereSnsRecordsGo(application, file, event);
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

    /** A record whose TopicArn is not the template's goes to the template's subscribed topic: one line says so. */
    private void sayWhereSnsRecordsGo(LocalApplication application, String file, JsonNode event) {
        for (JsonNode record : event.path("Records")) {
            String named = record.path("Sns").path("TopicArn").asText(null);
            String topic = application.snsTopicFor(named);
            if (!topic.equals(named)) {
                // With --json, standard output holds only the executions' objects.
                PrintWriter to = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
                to.println(file + ": SNS message delivered to " + topic + " (the event's TopicArn " + named
                        + " is not a topic of the template; " + topic + " is its one topic with a function subscribed)");
            }
        }
    }

    private static JsonNode readEvent(String file) {
        String text = JsonFiles.readText(file);
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            // StartExecution refuses such an input (ValidationException), as bin/appliance serve does; an SNS
            // message and an EventBridge entry have the same limit, so no route takes it.
            throw new UserError("the event is " + bytes + " bytes; AWS takes at most " + MAX_INPUT_BYTES
                    + " (256 KiB: Step Functions' input, an SNS message, an EventBridge entry), so no workflow can start with it");
        }
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
