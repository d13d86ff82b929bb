package appliance.engine.definition;

/**
 * A state's JSONPath input and output processing, in the order AWS applies it:
 * InputPath, Parameters, (the state's work), ResultSelector, ResultPath, OutputPath; and Assign.
 * Template fields are null when the state has none. The JSONPath query language; {@link JsonataFlow} is
 * the JSONata one.
 */
public record DataFlow(
        PathSelection inputPath,
        PayloadTemplate parameters,
        PayloadTemplate resultSelector,
        ResultPathTarget resultPath,
        PathSelection outputPath,
        PayloadTemplate assign) implements Processing {

    /** For states that process nothing (Fail): everything passes through unchanged. */
    public static final DataFlow NONE = new DataFlow(
            PathSelection.WHOLE, null, null, ResultPathTarget.WHOLE, PathSelection.WHOLE, null);

    /** For a Choice rule: only its {@code Assign} (null when none). */
    public static DataFlow assigning(PayloadTemplate assign) {
        return new DataFlow(PathSelection.WHOLE, null, null, ResultPathTarget.WHOLE, PathSelection.WHOLE, assign);
    }

    /** For a Catcher: where the error output lands, and what it assigns. */
    public static DataFlow catching(ResultPathTarget resultPath, PayloadTemplate assign) {
        return new DataFlow(PathSelection.WHOLE, null, null, resultPath, PathSelection.WHOLE, assign);
    }
}
