package appliance.engine.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * The pattern of {@code StringMatches}: {@code *} stands for any run of characters (also none); an
 * escaped {@code \*} is a literal asterisk and {@code \\} a literal backslash. The whole string must
 * match. Compiled once into literal pieces between the wildcards. A backslash before anything else
 * is an "open escape backslash", which the ASL specification makes a runtime error: the pattern
 * keeps a description of it for {@link StringMatch} to raise.
 */
final class WildcardPattern {

    private final String text;
    /** The literal text between wildcards: pieces.size() - 1 wildcards sit between them. */
    private final List<String> pieces;
    private final String openEscape;

    private WildcardPattern(String text, List<String> pieces, String openEscape) {
        this.text = text;
        this.pieces = List.copyOf(pieces);
        this.openEscape = openEscape;
    }

    static WildcardPattern compile(String pattern) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        String openEscape = null;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                piece.append(pattern.charAt(++i));
            } else if (c == '\\') {
                if (openEscape == null) {
                    openEscape = "The StringMatches pattern '" + pattern + "' has an open escape backslash at position " + i
                            + ": only \\* and \\\\ are escapes";
                }
                piece.append(c);
            } else if (c == '*') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new WildcardPattern(pattern, pieces, openEscape);
    }

    /** Why the pattern cannot be used, or null when it is sound. */
    String openEscape() {
        return openEscape;
    }

    /**
     * The first piece must start the string and the last end it; the middle ones are found left to
     * right, each at its earliest place, which is enough because a wildcard can absorb any gap.
     */
    boolean matches(String value) {
        String first = pieces.get(0);
        if (pieces.size() == 1) {
            return value.equals(first);
        }
        String last = pieces.get(pieces.size() - 1);
        if (value.length() < first.length() + last.length() || !value.startsWith(first) || !value.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < pieces.size() - 1; i++) {
            int at = value.indexOf(pieces.get(i), from);
            if (at < 0 || at + pieces.get(i).length() > end) {
                return false;
            }
            from = at + pieces.get(i).length();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
