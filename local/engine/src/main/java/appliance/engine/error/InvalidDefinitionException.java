package appliance.engine.error;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that cannot run, with every problem found; the message reads as AWS's {@code InvalidDefinition}. */
public final class InvalidDefinitionException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super("Invalid State Machine Definition: '"
                + problems.stream().map(DefinitionProblem::describe).collect(Collectors.joining(", "))
                + "'", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
