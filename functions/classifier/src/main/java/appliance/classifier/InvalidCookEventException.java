package appliance.classifier;

import java.util.List;

/**
 * The event cannot be classified. Its message names each field and what is wrong with it. Lambda reports
 * this class's name as the error type, which the state machine catches to reject the event without
 * retrying. Bad input is not a bug, so no stack trace is recorded: the message says all there is.
 */
public final class InvalidCookEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidCookEventException(List<String> problems) {
        super("Invalid cook event: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidCookEventException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
