package appliance.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * Where a branch's events go: the execution's own history, or (for an iteration of a DISTRIBUTED Map)
 * the history of the child run that AWS keeps apart from the parent's.
 */
interface EventLog {

    /** Records an event after {@code previousEventId}; returns its id in this log. */
    long record(long previousEventId, String type, String detailsName, Supplier<ObjectNode> details);
}
