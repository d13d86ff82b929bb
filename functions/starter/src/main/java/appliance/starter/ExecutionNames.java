package appliance.starter;

/**
 * Execution names derived from SNS message ids. Step Functions refuses a second execution with the same
 * name, so naming the execution after the message makes a redelivered message start nothing new.
 */
public final class ExecutionNames {

    /** Step Functions allows at most 80 characters in an execution name. */
    static final int MAX_LENGTH = 80;

    private ExecutionNames() {
    }

    /**
     * The message id with any character Step Functions does not accept in a name replaced by '-'
     * (SNS ids are UUIDs, which pass unchanged), cut to 80 characters.
     */
    public static String forMessage(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("The SNS record has no MessageId to name its execution after");
        }
        StringBuilder name = new StringBuilder(Math.min(messageId.length(), MAX_LENGTH));
        for (int i = 0; i < messageId.length() && name.length() < MAX_LENGTH; i++) {
            char c = messageId.charAt(i);
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            name.append(allowed ? c : '-');
        }
        return name.toString();
    }

    /** The ARN Step Functions gives an execution of the state machine with this name. */
    public static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
