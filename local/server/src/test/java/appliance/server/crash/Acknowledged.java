package appliance.server.crash;

/** A StartExecution the server answered: the execution must exist from then on, whatever happens. */
record Acknowledged(String executionArn, String name, String machine, int variant) {
}
