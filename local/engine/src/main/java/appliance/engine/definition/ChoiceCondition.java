package appliance.engine.definition;

import appliance.engine.path.DataScope;

/**
 * What the interpreter needs of a compiled Choice rule: whether it holds for the state's effective
 * input. The rules themselves ({@link appliance.engine.choice.ChoiceRule}) live in their own package;
 * this seam keeps the Choice state's own logic (first match, Default, NoChoiceMatched) testable alone.
 */
@FunctionalInterface
public interface ChoiceCondition {

    /** @throws appliance.engine.error.StatesFailure when a path the rule reads finds nothing */
    boolean matches(DataScope scope);
}
