package appliance.engine.definition;

/** One entry of {@code Choices}: a rule, the state it leads to, and the variables it assigns (null when none). */
public record ChoiceBranch(ChoiceCondition condition, String next, PayloadTemplate assign) {
}
