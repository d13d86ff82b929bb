package appliance.server;

import java.time.Instant;
import java.util.List;

/** A state machine alias: a name routing StartExecution to one version, or between two by weight. */
record MachineAlias(String arn, String machineArn, String name, String description, List<Route> routes,
        Instant creationDate, Instant updateDate) {

    /** One version the alias routes to, with the percentage of executions it gets. */
    record Route(String versionArn, int weight) {
    }

    /**
     * The version an execution goes to.
     *
     * @param percentile a number from 0 (inclusive) to 100 (exclusive), drawn at random per execution
     */
    String pick(int percentile) {
        int below = 0;
        for (Route route : routes) {
            below += route.weight();
            if (percentile < below) {
                return route.versionArn();
            }
        }
        return routes.get(routes.size() - 1).versionArn();
    }
}
