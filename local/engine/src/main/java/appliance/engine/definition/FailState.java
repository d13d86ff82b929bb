package appliance.engine.definition;

/**
 * {@code Fail}: ends the execution with an error and a cause, fixed ({@code Error}, {@code Cause}) or
 * read from the input ({@code ErrorPath}, {@code CausePath}: a path or an intrinsic call). Any may be null.
 */
public record FailState(String name, String error, ValueExpression errorPath, String cause, ValueExpression causePath)
        implements State {

    @Override
    public String type() {
        return "Fail";
    }

    @Override
    public DataFlow dataFlow() {
        return DataFlow.NONE;
    }
}
