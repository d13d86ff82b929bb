package appliance.engine.definition;

/**
 * One compiled state of a definition. A closed set: the interpreter switches over it, and the
 * compiler guarantees each record holds only valid, already compiled parts.
 */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    String name();

    /** The state's {@code Type} as ASL spells it; history event names start with it. */
    String type();

    /** The state's input and output processing in its query language (JSONPath or JSONata). */
    Processing processing();
}
