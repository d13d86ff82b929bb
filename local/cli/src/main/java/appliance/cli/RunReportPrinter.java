package appliance.cli;

import appliance.runtime.app.ExecutionActivity;
import appliance.runtime.app.ExecutionReport;
import appliance.runtime.app.StateStep;
import appliance.runtime.lambda.LambdaInvocationLog;
import appliance.runtime.lambda.LambdaLogLine;
import appliance.runtime.sns.SnsDelivery;
import java.io.PrintWriter;

/**
 * Prints an execution's report: for a person, state by state, then the result, deliveries, logs and
 * cost; or, with {@code --json}, as one JSON object on a line.
 */
final class RunReportPrinter {

    private final PrintWriter out;
    private final boolean json;

    RunReportPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(String eventFile, ExecutionReport report) {
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode line = report.toJson();
            line.put("event", eventFile);
            out.println(line);
            return;
        }
        String machine = name(report.stateMachineArn());
        out.printf("%s -> %s%n  execution %s%n", eventFile, machine, report.executionArn());
        int width = report.states().stream().mapToInt(step -> step.name().length()).max().orElse(10);
        for (StateStep step : report.states()) {
            out.printf("  %-" + width + "s  %-8s %6d ms  %-9s %s%n", step.name(), step.type(), step.duration().toMillis(),
                    step.status(), step.summary());
        }
        if (report.succeeded()) {
            out.printf("  %s  %s%n", report.result().status(), report.result().output());
        } else {
            out.printf("  %s  %s: %s%n", report.result().status(), report.result().error(), report.result().cause());
        }
        out.println("  Published:" + (report.published().isEmpty() ? " none" : ""));
        for (ExecutionActivity.Published message : report.published()) {
            out.printf("    %s (%d %s): %s%n", name(message.topicArn()), message.deliveries(),
                    message.deliveries() == 1 ? "subscription" : "subscriptions", oneLine(message.message()));
        }
        out.println("  Deliveries:" + (report.deliveries().isEmpty() ? " none" : ""));
        for (SnsDelivery delivery : report.deliveries()) {
            out.printf("    %s -> %s %s: %s%s%n", name(delivery.topicArn()), delivery.protocol(), delivery.endpoint(),
                    oneLine(delivery.message()), delivery.error() == null ? "" : "  [failed: " + delivery.error() + "]");
        }
        out.println("  Logs:" + (report.logs().isEmpty() ? " none" : ""));
        for (LambdaInvocationLog log : report.logs()) {
            for (LambdaLogLine line : log.lines()) {
                out.printf("    [%s] %s%n", log.functionName(), oneLine(line.message()));
            }
        }
        out.println("  " + report.cost().summary());
        out.println();
    }

    /**
     * An SNS event that started no execution but was delivered (its subscribers are functions): the deliveries, each
     * function's result and log. Returns true when every delivery succeeded.
     */
    boolean printDeliveries(String eventFile, ExecutionActivity ingest) {
        boolean delivered = ingest.deliveries().stream().allMatch(delivery -> delivery.error() == null);
        if (json) {
            var line = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
            line.put("event", eventFile).put("status", delivered ? "DELIVERED" : "DELIVERY_FAILED");
            var deliveries = line.putArray("deliveries");
            ingest.deliveries().forEach(delivery -> deliveries.add(delivery.toJson()));
            var results = line.putArray("results");
            ingest.functionResults().forEach(result -> results.addObject()
                    .put("functionName", result.functionName()).put("payload", result.payload()));
            var logs = line.putArray("logs");
            ingest.lambdaLogs().forEach(log -> log.lines().forEach(logLine -> logs.addObject()
                    .put("functionName", log.functionName()).put("message", logLine.message())));
            out.println(line);
            return delivered;
        }
        String topics = String.join(", ", ingest.published().stream().map(message -> name(message.topicArn())).distinct().toList());
        out.printf("%s -> %s%n", eventFile, topics);
        out.println("  Deliveries:");
        for (SnsDelivery delivery : ingest.deliveries()) {
            out.printf("    %s -> %s %s%s%n", name(delivery.topicArn()), delivery.protocol(), name(delivery.endpoint()),
                    delivery.error() == null ? "" : "  [failed: " + delivery.error() + "]");
        }
        out.println("  Results:" + (ingest.functionResults().isEmpty() ? " none" : ""));
        for (ExecutionActivity.FunctionResult result : ingest.functionResults()) {
            out.printf("    [%s] %s%n", result.functionName(), oneLine(result.payload()));
        }
        out.println("  Logs:" + (ingest.lambdaLogs().isEmpty() ? " none" : ""));
        for (LambdaInvocationLog log : ingest.lambdaLogs()) {
            for (LambdaLogLine line : log.lines()) {
                out.printf("    [%s] %s%n", log.functionName(), oneLine(line.message()));
            }
        }
        out.println();
        return delivered;
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('\t', ' ').strip();
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
