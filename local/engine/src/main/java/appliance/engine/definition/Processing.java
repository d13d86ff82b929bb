package appliance.engine.definition;

/**
 * How a state (or a Choice rule, or a Catcher) reads its input and shapes its output, in its query
 * language: {@link DataFlow} for JSONPath (InputPath, Parameters, ResultSelector, ResultPath, OutputPath,
 * Assign with {@code .$} keys), {@link JsonataFlow} for JSONata (Arguments, Output, Assign and the other
 * fields written as {@code {% %}} expressions). The interpreter picks one strategy per record, so no state
 * type has to ask which language it speaks.
 */
public sealed interface Processing permits DataFlow, JsonataFlow {
}
