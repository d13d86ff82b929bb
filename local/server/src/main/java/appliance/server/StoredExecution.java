package appliance.server;

import java.time.Instant;
import java.util.Arrays;

/**
 * What the store's index holds of one execution: enough to list it (names, status, dates) and where its
 * records are in the journal (its start with the input, each history event, its end with the output).
 * The data itself stays on disk; an execution costs the heap a few hundred bytes and 8 bytes an event.
 */
final class StoredExecution {

    final int key;
    final String executionArn;
    final String stateMachineArn;
    final String name;
    final Instant startDate;
    final long startOffset;
    /** The definition the execution started with, by its id in the store; the seed of its randomness. */
    final String definitionId;
    final long seed;
    /** The Step Functions Local test case it runs (null: the machine's own tasks). */
    final String testCase;
    /** Started by StartSyncExecution. */
    final boolean sync;
    /** The version (and alias) ARN it was started by; null when started by the machine's own ARN. */
    private volatile String versionArn;
    private volatile String aliasArn;
    private String status = "RUNNING";
    private Instant stopDate;
    private long endOffset = -1;
    private long[] events = new long[8];
    private int eventCount;

    StoredExecution(int key, String executionArn, String stateMachineArn, String name, Instant startDate,
            long startOffset, String definitionId, long seed, String testCase, boolean sync) {
        this.key = key;
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.name = name;
        this.startDate = startDate;
        this.startOffset = startOffset;
        this.definitionId = definitionId;
        this.seed = seed;
        this.testCase = testCase;
        this.sync = sync;
    }

    void startedBy(String version, String alias) {
        this.versionArn = version;
        this.aliasArn = alias;
    }

    String versionArn() {
        return versionArn;
    }

    String aliasArn() {
        return aliasArn;
    }

    /** Its redrives, oldest first (an execution never redriven has none). */
    private java.util.List<RedriveSegment> redrives = java.util.List.of();

    /** Redriven: it runs again, its end is to come. */
    synchronized void redriven(RedriveSegment redrive) {
        java.util.List<RedriveSegment> more = new java.util.ArrayList<>(redrives);
        more.add(redrive);
        redrives = java.util.List.copyOf(more);
        status = "RUNNING";
        stopDate = null;
        endOffset = -1;
    }

    synchronized java.util.List<RedriveSegment> redrives() {
        return redrives;
    }

    synchronized int redriveCount() {
        return redrives.size();
    }

    /** The last redrive's time, or null. */
    synchronized Instant redriveDate() {
        return redrives.isEmpty() ? null : redrives.get(redrives.size() - 1).date();
    }

    synchronized void addEvent(long offset) {
        if (eventCount == events.length) {
            events = Arrays.copyOf(events, events.length * 2);
        }
        events[eventCount++] = offset;
    }

    /** Run again from its start (an asynchronous Express execution after a restart): its old events go. */
    synchronized void restarted() {
        eventCount = 0;
    }

    synchronized int eventCount() {
        return eventCount;
    }

    synchronized long eventOffset(int index) {
        return events[index];
    }

    synchronized void ended(String finalStatus, Instant stop, long offset) {
        this.status = finalStatus;
        this.stopDate = stop;
        this.endOffset = offset;
    }

    synchronized String status() {
        return status;
    }

    synchronized Instant stopDate() {
        return stopDate;
    }

    synchronized long endOffset() {
        return endOffset;
    }

    synchronized boolean running() {
        return endOffset < 0;
    }

    /** The row without the data kept on disk (input, output, error, cause): what a listing needs. */
    synchronized ExecutionRecord listed() {
        return new ExecutionRecord(executionArn, stateMachineArn, name, status, null, null, null, null, startDate,
                stopDate);
    }
}
