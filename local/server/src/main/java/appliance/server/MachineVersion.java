package appliance.server;

import appliance.engine.definition.StateMachineDefinition;
import java.time.Instant;

/**
 * A published version of a state machine: an immutable snapshot of its definition and role as they
 * were at one revision, numbered from 1 per machine, with the compiled definition its executions run.
 */
record MachineVersion(String arn, String machineArn, int number, String definitionText, String roleArn,
        String type, String description, String revisionId, Instant creationDate,
        StateMachineDefinition definition) {

    /** The machine as this version runs it: the machine's own ARN, name and tasks, the version's definition. */
    StateMachineRecord asRun(StateMachineRecord machine) {
        return new StateMachineRecord(machine.arn(), machine.name(), definitionText, roleArn, type,
                machine.creationDate(), definition, machine.tasks());
    }
}
