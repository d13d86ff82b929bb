package appliance.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An execution in the shapes of DescribeExecution, StartSyncExecution and ListExecutions' items. */
final class ExecutionJson {

    private ExecutionJson() {
    }

    static ObjectNode listItem(ExecutionRecord execution) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("executionArn", execution.executionArn());
        json.put("stateMachineArn", execution.stateMachineArn());
        json.put("name", execution.name());
        json.put("status", execution.status());
        json.put("startDate", EpochSeconds.of(execution.startDate()));
        if (execution.stopDate() != null) {
            json.put("stopDate", EpochSeconds.of(execution.stopDate()));
        }
        return json;
    }

    static ObjectNode described(ExecutionRecord execution) {
        ObjectNode json = listItem(execution);
        json.put("input", execution.input());
        json.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            json.put("output", execution.output());
            json.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            json.put("error", execution.error());
        }
        if (execution.cause() != null) {
            json.put("cause", execution.cause());
        }
        return json;
    }

    /** Adds how often an execution was redriven, and when last. */
    static ObjectNode redrive(ObjectNode json, StoredExecution execution) {
        json.put("redriveCount", execution.redriveCount());
        if (execution.redriveDate() != null) {
            json.put("redriveDate", EpochSeconds.of(execution.redriveDate()));
        }
        return json;
    }

    /** Adds the version and alias ARNs an execution was started by, when it was. */
    static ObjectNode startedBy(ObjectNode json, StoredExecution execution) {
        if (execution.versionArn() != null) {
            json.put("stateMachineVersionArn", execution.versionArn());
        }
        if (execution.aliasArn() != null) {
            json.put("stateMachineAliasArn", execution.aliasArn());
        }
        return json;
    }
}
