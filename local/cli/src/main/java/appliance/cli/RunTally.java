package appliance.cli;

/**
 * How the events of one {@code bin/appliance run} ended, for its closing line and its exit code. The
 * exit code adds one bit per kind of failure that happened, so a script can tell them apart:
 * {@value #EXECUTION_NOT_SUCCEEDED} an execution ended other than SUCCEEDED, {@value #STARTED_NOTHING}
 * an event started no execution, {@value #NOT_AN_EVENT} a file was not an event (unreadable, not JSON,
 * over Step Functions' 256 KiB). 2 alone stays "bad command line or template", as for every command.
 */
final class RunTally {

    static final int EXECUTION_NOT_SUCCEEDED = 1;
    static final int STARTED_NOTHING = 4;
    static final int NOT_AN_EVENT = 8;

    private int succeeded;
    private int notSucceeded;
    private int startedNothing;
    private int notEvents;

    void executionEnded(boolean success) {
        if (success) {
            succeeded++;
        } else {
            notSucceeded++;
        }
    }

    void startedNothing() {
        startedNothing++;
    }

    void notAnEvent() {
        notEvents++;
    }

    int exitCode() {
        return (notSucceeded > 0 ? EXECUTION_NOT_SUCCEEDED : 0) | (startedNothing > 0 ? STARTED_NOTHING : 0)
                | (notEvents > 0 ? NOT_AN_EVENT : 0);
    }

    /** One line: {@code 12 events: 9 succeeded, 2 failed, 0 started nothing, 1 not an event}. */
    String summary(int events) {
        return events + (events == 1 ? " event: " : " events: ") + succeeded + " succeeded, " + notSucceeded + " failed, "
                + startedNothing + " started nothing, " + notEvents + (notEvents == 1 ? " not an event" : " not events");
    }
}
