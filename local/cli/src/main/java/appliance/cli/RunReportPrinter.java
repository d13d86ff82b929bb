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

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('\t', ' ').strip();
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
