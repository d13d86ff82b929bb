package appliance.server;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.task.TaskInvoker;
import java.time.Instant;

/**
 * A state machine as the API knows it: its ARN, name, definition text (as given, returned by
 * DescribeStateMachine), role, type (STANDARD or EXPRESS), creation time, the compiled definition,
 * and the task invoker its executions call.
 */
record StateMachineRecord(String arn, String name, String definitionText, String roleArn, String type,
        Instant creationDate, StateMachineDefinition definition, TaskInvoker tasks) {

    boolean express() {
        return "EXPRESS".equals(type);
    }

    /** Same as AWS's idempotent CreateStateMachine: a re-creation that changes nothing. */
    boolean sameAs(String otherDefinition, String otherRole, String otherType) {
        return definitionText.equals(otherDefinition) && roleArn.equals(otherRole) && type.equals(otherType);
    }
}
