package appliance.engine.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a definition, so a user sees them all at once rather than one per try. */
public final class DefinitionProblems {

    public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
    public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";

    private final List<DefinitionProblem> problems = new ArrayList<>();

    public void add(String code, String message, String location) {
        problems.add(new DefinitionProblem(code, message, location));
    }

    public void schema(String message, String location) {
        add(SCHEMA_VALIDATION_FAILED, message, location);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<DefinitionProblem> all() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(all());
        }
    }
}
