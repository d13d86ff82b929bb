package appliance.engine.maprun;

import appliance.engine.run.ExecutionIdentity;

/** Names of a Map Run's child executions, as AWS gives them. */
public final class MapRunChildren {

    private MapRunChildren() {
    }

    /**
     * A child's identity: {@code arn:aws:states:REGION:ACCOUNT:execution:MACHINE/LABEL:ID} (an EXPRESS
     * child's reads {@code :express:}), named by its {@code id}; its state machine is the parent's.
     */
    public static ExecutionIdentity identity(MapRunStart start, String id) {
        ExecutionIdentity parent = start.parent();
        String kind = "EXPRESS".equals(start.executionType()) ? ":express:" : ":execution:";
        String arn = parent.stateMachineArn().replace(":stateMachine:", kind) + "/" + start.label() + ":" + id;
        return new ExecutionIdentity(parent.stateMachineArn(), parent.stateMachineName(), arn, id, parent.roleArn());
    }
}
