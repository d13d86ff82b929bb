package appliance.runtime.app;

/**
 * StartExecution with the name of an execution that has ended, or that runs with another input: Step
 * Functions refuses it (a running execution with the same name and input is returned instead).
 */
public final class ExecutionAlreadyExistsException extends RuntimeException {

    public ExecutionAlreadyExistsException(String executionArn) {
        super("Execution Already Exists: '" + executionArn + "'", null, false, false);
    }
}
