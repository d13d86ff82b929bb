package appliance.engine.run;

/**
 * The names an execution carries in its context object and history. ARNs in AWS's format; the
 * account and region are the caller's choice (the local runtime uses a fixed local account).
 */
public record ExecutionIdentity(String stateMachineArn, String stateMachineName, String executionArn,
        String executionName, String roleArn) {

    /** Identity in Step Functions Local's account (123456789012, us-east-1) for a state machine and an execution name. */
    public static ExecutionIdentity local(String stateMachineName, String executionName) {
        return in("us-east-1", "123456789012", stateMachineName, executionName);
    }

    /** Identity in {@code account} and {@code region} for a state machine and a (Standard) execution name. */
    public static ExecutionIdentity in(String region, String account, String stateMachineName, String executionName) {
        String prefix = "arn:aws:states:" + region + ":" + account + ":";
        return new ExecutionIdentity(prefix + "stateMachine:" + stateMachineName, stateMachineName,
                prefix + "execution:" + stateMachineName + ":" + executionName, executionName,
                "arn:aws:iam::" + account + ":role/StepFunctionsLocalRole");
    }
}
