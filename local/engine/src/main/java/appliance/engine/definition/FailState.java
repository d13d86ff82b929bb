package appliance.engine.definition;

/**
 * {@code Fail}: ends the execution with an error and a cause, fixed ({@code Error}, {@code Cause}) or
 * read from the input ({@code ErrorPath}, {@code CausePath}: a path or an intrinsic call), or in JSONata
 * {@code {% %}} expressions held by its {@link JsonataFlow}. Any may be null.
 */
public record FailState(String name, String error, ValueExpression errorPath, String cause, ValueExpression causePath,
        Processing processing)
        implements State {

    @Override
    public String type() {
        return "Fail";
    }
}
