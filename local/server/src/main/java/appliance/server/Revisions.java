package appliance.server;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A state machine's revision id: it changes whenever the definition or role changes, and is the same
 * for the same content, so publishing twice without a change finds the version already published.
 * Derived from the content rather than stored: the journal's machine records need no new field.
 */
final class Revisions {

    /** What PublishStateMachineVersion accepts for a machine that has no version yet. */
    static final String INITIAL = "INITIAL";

    private Revisions() {
    }

    static String of(StateMachineRecord machine) {
        String content = machine.arn() + "\n" + machine.creationDate().toEpochMilli() + "\n" + machine.type() + "\n"
                + machine.roleArn() + "\n" + machine.definitionText();
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
