package appliance.engine.definition;

import appliance.engine.path.ReferencePath;
import java.time.Instant;

/** {@code Wait}: exactly one of the four ways to say how long is set; the others are null. */
public record WaitState(
        String name,
        Transition transition,
        Processing processing,
        Long seconds,
        ReferencePath secondsPath,
        Instant timestamp,
        ReferencePath timestampPath) implements State {

    @Override
    public String type() {
        return "Wait";
    }
}
