package appliance.server;

/**
 * What a StartExecution's {@code stateMachineArn} names: the machine as it runs (for a version or
 * alias, the machine's ARN and name with the version's definition), and the version and alias ARNs the
 * execution records (null when started by the machine's own ARN).
 */
record StartTarget(StateMachineRecord machine, String versionArn, String aliasArn) {
}
