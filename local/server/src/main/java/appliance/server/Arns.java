package appliance.server;

/**
 * The ARNs of the server's account and region (Step Functions Local's us-east-1 and 123456789012 unless
 * {@code AWS_DEFAULT_REGION} / {@code AWS_ACCOUNT_ID} say otherwise), and reading them back: a state
 * machine ARN names the machine, an execution ARN the machine and the execution.
 */
final class Arns {

    private final String region;
    private final String account;
    private final String prefix;

    Arns(String region, String account) {
        this.region = region;
        this.account = account;
        this.prefix = "arn:aws:states:" + region + ":" + account + ":";
    }

    /** Step Functions Local's identity: us-east-1, account 123456789012. */
    static Arns local() {
        return new Arns(ServerOptions.DEFAULT_REGION, ServerOptions.DEFAULT_ACCOUNT);
    }

    String region() {
        return region;
    }

    String account() {
        return account;
    }

    /** The prefix of every Step Functions ARN of this account and region ({@code arn:aws:states:REGION:ACCOUNT:}). */
    String prefix() {
        return prefix;
    }

    /** The role state machines registered from a template run as. */
    String defaultRole() {
        return "arn:aws:iam::" + account + ":role/StepFunctionsLocalRole";
    }

    String stateMachine(String name) {
        return prefix + "stateMachine:" + name;
    }

    String execution(String machineName, String executionName, boolean express) {
        return prefix + (express ? "express:" : "execution:") + machineName + ":" + executionName;
    }

    /**
     * The machine name in a state machine ARN.
     *
     * @throws ApiException InvalidArn when it is not a state machine ARN of this account
     */
    String stateMachineName(String arn) {
        String machinePrefix = prefix + "stateMachine:";
        if (!arn.startsWith(machinePrefix)) {
            throw ApiException.invalidArn(arn);
        }
        String name = arn.substring(machinePrefix.length());
        if (name.isEmpty() || name.length() > Names.MAX_LENGTH || name.contains(":")) {
            throw ApiException.invalidArn(arn);
        }
        return name;
    }

    /** @throws ApiException InvalidArn when it is not an execution ARN of this account */
    void checkExecution(String arn) {
        String rest;
        if (arn.startsWith(prefix + "execution:")) {
            rest = arn.substring((prefix + "execution:").length());
        } else if (arn.startsWith(prefix + "express:")) {
            rest = arn.substring((prefix + "express:").length());
        } else {
            throw ApiException.invalidArn(arn);
        }
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw ApiException.invalidArn(arn);
        }
    }

    /** A version's ARN: the machine's, then the version number ({@code ...:stateMachine:NAME:3}). */
    String version(String machineName, int number) {
        return stateMachine(machineName) + ":" + number;
    }

    /** An alias's ARN: the machine's, then the alias name ({@code ...:stateMachine:NAME:prod}). */
    String alias(String machineName, String aliasName) {
        return stateMachine(machineName) + ":" + aliasName;
    }


    /**
     * A state machine ARN, maybe qualified by a version number or an alias name.
     *
     * @throws ApiException InvalidArn when it is no state machine ARN of this account
     */
    QualifiedArn qualified(String arn) {
        String machinePrefix = prefix + "stateMachine:";
        if (!arn.startsWith(machinePrefix)) {
            throw ApiException.invalidArn(arn);
        }
        String rest = arn.substring(machinePrefix.length());
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        String qualifier = colon < 0 ? null : rest.substring(colon + 1);
        if (name.isEmpty() || name.length() > Names.MAX_LENGTH
                || qualifier != null && (qualifier.isEmpty() || qualifier.contains(":"))) {
            throw ApiException.invalidArn(arn);
        }
        return new QualifiedArn(stateMachine(name), name, qualifier);
    }

    /** A role ARN needs only to look like an IAM ARN: nothing here assumes roles. */
    static void checkRole(String arn) {
        if (!arn.startsWith("arn:aws:iam::")) {
            throw ApiException.invalidArn(arn);
        }
    }

    /** An activity's ARN ({@code arn:aws:states:REGION:ACCOUNT:activity:NAME}). */
    String activity(String name) {
        return prefix + "activity:" + name;
    }

    /**
     * The activity name in an activity ARN.
     *
     * @throws ApiException InvalidArn when it is not an activity ARN of this account
     */
    String activityName(String arn) {
        String activityPrefix = prefix + "activity:";
        if (!arn.startsWith(activityPrefix)) {
            throw ApiException.invalidArn(arn);
        }
        String name = arn.substring(activityPrefix.length());
        if (name.isEmpty() || name.length() > Names.MAX_LENGTH || name.contains(":")) {
            throw ApiException.invalidArn(arn);
        }
        return name;
    }
}
