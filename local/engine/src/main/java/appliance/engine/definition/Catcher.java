package appliance.engine.definition;

import java.util.List;

/** One {@code Catch} entry: the errors it takes, where it goes, where the error output lands, what it assigns. */
public record Catcher(List<String> errorEquals, String next, ResultPathTarget resultPath, PayloadTemplate assign) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
