package appliance.engine.choice;

import appliance.engine.error.DefinitionProblems;
import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One boolean rule of a Choice state, compiled once: a comparison of the value at {@code Variable}
 * with a literal or with the value at another path, a type test ({@code Is*}), or {@code And} /
 * {@code Or} / {@code Not} over nested rules.
 */
public sealed interface ChoiceRule
        permits AndRule, OrRule, NotRule, StringComparison, StringMatch, NumericComparison, BooleanEquality,
        TimestampComparison, TypeTest {

    /**
     * Compiles one rule, such as an element of {@code Choices}. Keys that belong to the Choice state
     * rather than to the rule ({@code Next}, {@code Assign}, {@code Output}, {@code Comment}) are ignored.
     *
     * @param location the rule's JSON pointer in the definition, such as {@code /States/Check/Choices/0}
     * @return the rule, or null when it is invalid; every problem found is added to {@code problems}
     */
    static ChoiceRule compile(JsonNode rule, String location, DefinitionProblems problems) {
        return new ChoiceRuleCompiler(problems).compile(rule, location);
    }

    /**
     * Whether the rule holds for the state's effective input ({@code scope.data()}).
     *
     * @throws appliance.engine.error.StatesFailure {@code States.Runtime} when the Variable or a
     *     {@code ...Path} operand finds nothing (only {@code IsPresent} tolerates that)
     */
    boolean matches(DataScope scope);
}
