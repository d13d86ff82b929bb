package appliance.engine.choice;

/** How the two sides of an ordered comparison must relate. */
enum Comparison {
    EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS;

    /** @param order the sign of comparing the Variable's value with the operand's */
    boolean holds(int order) {
        return switch (this) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case GREATER_THAN -> order > 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }
}
