package appliance.server;

/**
 * The ARNs of the local account, as Step Functions Local makes them (us-east-1, account 123456789012),
 * and reading them back: a state machine ARN names the machine, an execution ARN the machine and the
 * execution.
 */
final class Arns {

    static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";
    private static final String STATE_MACHINE = PREFIX + "stateMachine:";
    private static final String EXECUTION = PREFIX + "execution:";
    private static final String EXPRESS = PREFIX + "express:";

    private Arns() {
    }

    static String stateMachine(String name) {
        return STATE_MACHINE + name;
    }

    static String execution(String machineName, String executionName, boolean express) {
        return (express ? EXPRESS : EXECUTION) + machineName + ":" + executionName;
    }

    /**
     * The machine name in a state machine ARN.
     *
     * @throws ApiException InvalidArn when it is not a state machine ARN of this account
     */
    static String stateMachineName(String arn) {
        if (!arn.startsWith(STATE_MACHINE)) {
            throw ApiException.invalidArn(arn);
        }
        String name = arn.substring(STATE_MACHINE.length());
        if (name.isEmpty() || name.length() > Names.MAX_LENGTH || name.contains(":")) {
            throw ApiException.invalidArn(arn);
        }
        return name;
    }

    /** @throws ApiException InvalidArn when it is not an execution ARN of this account */
    static void checkExecution(String arn) {
        String rest;
        if (arn.startsWith(EXECUTION)) {
            rest = arn.substring(EXECUTION.length());
        } else if (arn.startsWith(EXPRESS)) {
            rest = arn.substring(EXPRESS.length());
        } else {
            throw ApiException.invalidArn(arn);
        }
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw ApiException.invalidArn(arn);
        }
    }

    /** A role ARN needs only to look like an IAM ARN: nothing here assumes roles. */
    static void checkRole(String arn) {
        if (!arn.startsWith("arn:aws:iam::")) {
            throw ApiException.invalidArn(arn);
        }
    }
}
