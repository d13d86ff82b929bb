package appliance.engine.definition;

/** Where a state goes when it is done: the {@code Next} state, or the end of its branch ({@code next} null). */
public record Transition(String next) {

    public static final Transition END = new Transition(null);

    public boolean isEnd() {
        return next == null;
    }
}
