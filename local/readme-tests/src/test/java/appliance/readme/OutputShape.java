package appliance.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether real output has the shape of what the README shows. Ids, numbers and column widths may differ;
 * {@code ...} in the README stands for any text within a line, and a line of only {@code ...} for any
 * number of lines. Every other README line must match the next line of output, in order.
 */
final class OutputShape {

    private static final Pattern HEX_ID = Pattern.compile("\\b[0-9a-f]{8}\\b");
    private static final Pattern DIGITS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private OutputShape() {
    }

    /** Throws an AssertionError naming the first README line the output does not follow. */
    static void assertFollows(List<String> readme, String output) {
        List<String> actual = output.lines().toList();
        int next = 0;
        boolean skipping = false;
        for (String shown : readme) {
            if (shown.trim().equals("...")) {
                skipping = true;
                continue;
            }
            List<String> fragments = fragments(shown);
            int match = -1;
            for (int i = next; i < actual.size() && (skipping || i == next); i++) {
                if (follows(fragments, actual.get(i))) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                throw new AssertionError("the output does not follow the README's line\n    " + shown
                        + "\n" + (next < actual.size() ? "at the output's line\n    " + actual.get(next) : "(the output ended)")
                        + "\n--- whole output\n" + output);
            }
            next = match + 1;
            skipping = false;
        }
    }

    private static List<String> fragments(String shown) {
        List<String> fragments = new ArrayList<>();
        for (String part : normal(shown).split("\\.\\.\\.|…", -1)) {
            fragments.add(part.trim());
        }
        return fragments;
    }

    private static boolean follows(List<String> fragments, String line) {
        String actual = normal(line);
        int at = 0;
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            if (fragment.isEmpty()) {
                continue;
            }
            int found = i == 0 ? (actual.startsWith(fragment) ? 0 : -1) : actual.indexOf(fragment, at);
            if (found < 0) {
                return false;
            }
            at = found + fragment.length();
        }
        boolean open = fragments.get(fragments.size() - 1).isEmpty();
        return open || at == actual.length();
    }

    /** Ids and numbers as placeholders, runs of blanks as one space, no margin. */
    private static String normal(String line) {
        String text = HEX_ID.matcher(line).replaceAll("<id>");
        text = DIGITS.matcher(text).replaceAll("#");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }
}
