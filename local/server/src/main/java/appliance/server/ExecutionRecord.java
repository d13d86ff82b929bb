package appliance.server;

import java.time.Instant;

/**
 * One execution's row: what DescribeExecution and ListExecutions return. Input and output are JSON
 * text; output, error, cause and stopDate are null until (and unless) the execution sets them.
 */
record ExecutionRecord(String executionArn, String stateMachineArn, String name, String status, String input,
        String output, String error, String cause, Instant startDate, Instant stopDate) {

    ExecutionRecord finished(String newStatus, String newOutput, String newError, String newCause, Instant stop) {
        return new ExecutionRecord(executionArn, stateMachineArn, name, newStatus, input, newOutput, newError, newCause,
                startDate, stop);
    }
}
