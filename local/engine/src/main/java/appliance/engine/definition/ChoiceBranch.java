package appliance.engine.definition;

import appliance.engine.choice.ChoiceRule;

/** One entry of {@code Choices}: a rule, the state it leads to, and the variables it assigns (null when none). */
public record ChoiceBranch(ChoiceRule rule, String next, PayloadTemplate assign) {
}
