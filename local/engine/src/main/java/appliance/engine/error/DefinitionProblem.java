package appliance.engine.error;

/**
 * One thing wrong with a state machine definition, as AWS's validator names it: a code such as
 * {@code SCHEMA_VALIDATION_FAILED} or {@code MISSING_TRANSITION_TARGET}, a message, and where in the
 * definition it is, as a JSON pointer such as {@code /States/Classify/Next}.
 */
public record DefinitionProblem(String code, String message, String location) {

    /** The problem as AWS words it inside an {@code InvalidDefinition} error. */
    public String describe() {
        return code + ": " + message + " at " + location;
    }
}
