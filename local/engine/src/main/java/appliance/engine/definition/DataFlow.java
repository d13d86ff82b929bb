package appliance.engine.definition;

/**
 * A state's JSONPath input and output processing, in the order AWS applies it:
 * InputPath, Parameters, (the state's work), ResultSelector, ResultPath, OutputPath; and Assign.
 * Template fields are null when the state has none. This is the JSONPath query language; a JSONata
 * state would carry a different processing record behind the same interpreter steps.
 */
public record DataFlow(
        PathSelection inputPath,
        PayloadTemplate parameters,
        PayloadTemplate resultSelector,
        ResultPathTarget resultPath,
        PathSelection outputPath,
        PayloadTemplate assign) {

    /** For states that process nothing (Fail): everything passes through unchanged. */
    public static final DataFlow NONE = new DataFlow(
            PathSelection.WHOLE, null, null, ResultPathTarget.WHOLE, PathSelection.WHOLE, null);
}
