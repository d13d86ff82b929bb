package appliance.engine.error;

/**
 * One thing wrong with a state machine definition, as AWS's validator names it: a code such as
 * {@code SCHEMA_VALIDATION_FAILED} or {@code MISSING_TRANSITION_TARGET}, a message, and where in the
 * definition it is, as a JSON pointer such as {@code /States/Classify/Next} (array items as
 * {@code /Choices[0]}, as AWS writes them; null for problems of the whole workflow, which AWS gives no
 * location, such as {@code MISSING_END_STATE}).
 */
public record DefinitionProblem(String code, String message, String location) {

    /** The problem as AWS words it inside an {@code InvalidDefinition} error. */
    public String describe() {
        return location == null ? code + ": " + message : code + ": " + message + " at " + location;
    }
}
