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

    /** InputPath, Parameters, ResultSelector, ResultPath, OutputPath and Assign as the state has them. */
    DataFlow dataFlow();
}
