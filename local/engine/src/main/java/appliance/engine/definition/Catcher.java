package appliance.engine.definition;

import java.util.List;

/**
 * One {@code Catch} entry: the errors it takes, where it goes, and how the error output becomes the
 * state's output and variables: JSONPath {@code ResultPath}/{@code Assign} ({@link DataFlow#catching}) or
 * JSONata {@code Output}/{@code Assign} ({@link JsonataFlow}).
 */
public record Catcher(List<String> errorEquals, String next, Processing processing) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
