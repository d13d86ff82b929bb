package appliance.engine.run;

/** An execution's status, with AWS's names. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
