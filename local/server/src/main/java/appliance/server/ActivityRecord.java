package appliance.server;

import java.time.Instant;
import java.util.Map;

/**
 * An activity: its ARN, name, creation date, and the tags CreateActivity was given (kept for
 * ListTagsForResource), in the order given.
 */
record ActivityRecord(String arn, String name, Instant creationDate, Map<String, String> tags) {
}
