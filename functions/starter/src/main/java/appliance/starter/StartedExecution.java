package appliance.starter;

/**
 * One execution the starter started (or found started by an earlier delivery of the same message).
 * A JavaBean, because Lambda's Java runtime serialises handler results through their getters.
 */
public final class StartedExecution {

    private final String messageId;
    private final String executionArn;
    private final boolean alreadyStarted;

    public StartedExecution(String messageId, String executionArn, boolean alreadyStarted) {
        this.messageId = messageId;
        this.executionArn = executionArn;
        this.alreadyStarted = alreadyStarted;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getExecutionArn() {
        return executionArn;
    }

    /** True when an earlier delivery of the same SNS message had already started this execution. */
    public boolean isAlreadyStarted() {
        return alreadyStarted;
    }
}
