package appliance.runtime.app;

import appliance.engine.run.ExecutionResult;
import appliance.engine.run.ExecutionStatus;
import appliance.runtime.cost.CostEstimate;
import appliance.runtime.cost.ExecutionUsage;
import appliance.runtime.lambda.LambdaInvocationLog;
import appliance.runtime.lambda.LambdaLogLine;
import appliance.runtime.sns.SnsDelivery;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Everything one execution did on this machine: its result, its states, its deliveries, its logs, its cost. */
public record ExecutionReport(String executionArn, String stateMachineArn, ExecutionResult result,
                              List<StateStep> states, List<ExecutionActivity.Published> published,
                              List<SnsDelivery> deliveries, List<LambdaInvocationLog> logs,
                              ExecutionUsage usage, CostEstimate cost) {

    public ExecutionReport {
        states = List.copyOf(states);
        published = List.copyOf(published);
        deliveries = List.copyOf(deliveries);
        logs = List.copyOf(logs);
    }

    public boolean succeeded() {
        return result.status() == ExecutionStatus.SUCCEEDED;
    }

    /** The report as {@code bin/appliance run --json} prints it: one object per execution. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("executionArn", executionArn);
        json.put("stateMachineArn", stateMachineArn);
        json.put("status", result.status().name());
        if (succeeded()) {
            json.set("output", result.output());
        } else {
            json.put("error", result.error());
            json.put("cause", result.cause());
        }
        ArrayNode stateArray = json.putArray("states");
        states.forEach(step -> stateArray.add(step.toJson()));
        ArrayNode publishedArray = json.putArray("published");
        for (ExecutionActivity.Published message : published) {
            ObjectNode entry = publishedArray.addObject();
            entry.put("topicArn", message.topicArn());
            entry.put("messageId", message.messageId());
            entry.put("subject", message.subject());
            entry.put("message", message.message());
            entry.put("deliveries", message.deliveries());
        }
        ArrayNode deliveryArray = json.putArray("deliveries");
        deliveries.forEach(delivery -> deliveryArray.add(delivery.toJson()));
        ArrayNode logArray = json.putArray("logs");
        for (LambdaInvocationLog log : logs) {
            for (LambdaLogLine line : log.lines()) {
                logArray.addObject()
                        .put("function", log.functionName())
                        .put("logGroup", log.logGroupName())
                        .put("timestamp", line.timestamp().toString())
                        .put("message", line.message());
            }
        }
        ObjectNode costJson = json.putObject("cost");
        costJson.put("stateTransitions", usage.stateTransitions());
        costJson.put("lambdaInvocations", usage.lambdaInvocations().size());
        costJson.put("snsPublishes", usage.snsPublishes().size());
        costJson.put("standardUsd", cost.standardTotal());
        costJson.put("expressUsd", cost.expressTotal());
        costJson.put("standardUsdPerMillion", cost.standardTotal().multiply(java.math.BigDecimal.valueOf(1_000_000)));
        costJson.put("expressUsdPerMillion", cost.expressTotal().multiply(java.math.BigDecimal.valueOf(1_000_000)));
        costJson.put("summary", cost.summary());
        return json;
    }
}
