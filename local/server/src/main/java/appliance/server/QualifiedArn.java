package appliance.server;

/**
 * A state machine ARN read apart: the machine's own ARN and name, and what qualifies it (a version
 * number, an alias name, or null for the machine itself).
 */
record QualifiedArn(String machineArn, String machineName, String qualifier) {

    boolean unqualified() {
        return qualifier == null;
    }

    /** A version's qualifier is its number; an alias name always has a character that is no digit. */
    boolean version() {
        return qualifier != null && qualifier.chars().allMatch(Character::isDigit);
    }

    boolean alias() {
        return qualifier != null && !version();
    }
}
