package appliance.runtime.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a PutEvents request, as the AWS CLI sends it.
 *
 * @param detail       the event's detail as JSON text (PutEvents takes it as a string)
 * @param eventBusName a bus name or ARN; {@code default} when the entry names none
 * @param time         the entry's Time; EventBridge uses the time it received the event when absent
 */
public record PutEventsEntry(String source, String detailType, String detail, String eventBusName, List<String> resources,
                             Optional<Instant> time) {

    public PutEventsEntry {
        resources = resources == null ? List.of() : List.copyOf(resources);
        eventBusName = eventBusName == null || eventBusName.isEmpty() ? "default" : eventBusName;
        time = time == null ? Optional.empty() : time;
    }

    /** The bus's name: an ARN ({@code arn:aws:events:...:event-bus/NAME}) names the bus after its last slash. */
    public String busName() {
        int slash = eventBusName.lastIndexOf('/');
        return eventBusName.startsWith("arn:") && slash >= 0 ? eventBusName.substring(slash + 1) : eventBusName;
    }
}
