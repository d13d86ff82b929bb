package appliance.engine.definition;

/** The two values of {@code QueryLanguage}, at the top of a definition or on one state. */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String text;

    QueryLanguage(String text) {
        this.text = text;
    }

    /** As ASL spells it. */
    public String text() {
        return text;
    }

    /** The language a {@code QueryLanguage} value names, or null when it names none. */
    public static QueryLanguage named(String text) {
        for (QueryLanguage language : values()) {
            if (language.text.equals(text)) {
                return language;
            }
        }
        return null;
    }
}
