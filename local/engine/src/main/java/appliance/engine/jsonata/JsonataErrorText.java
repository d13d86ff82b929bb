package appliance.engine.jsonata;

import com.dashjoin.jsonata.JException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a JSONata error as AWS shows it after "threw an error during evaluation. ": the code, a
 * colon, the message, such as {@code T1006: Attempted to invoke a non-function}.
 *
 * <p>AWS runs the reference JavaScript JSONata; the Java port's message templates differ in two ways we
 * undo here: the port writes "Object" where the original says "function" ("Argument 1 of function
 * "uppercase" does not match function signature"), and it quotes every inserted value where the original
 * writes numbers bare.
 *
 * <p>Known differences we cannot undo from the message alone: for a signature mismatch (T0410) the port
 * often names the wrong argument number (it says "Argument 1" for a bad second argument), and its T0412
 * text names the signature letter instead of the function and leaves "{{type}}" unfilled.
 */
final class JsonataErrorText {

    private static final Pattern QUOTED_INDEX = Pattern.compile("(?i)(argument) \"(\\d+)\"");

    private JsonataErrorText() {
    }

    static String of(JException error) {
        String message = messageOf(error);
        String code = error.getError();
        return code == null || code.isBlank() ? message : code + ": " + message;
    }

    /** The message alone, without the code: how AWS shows a syntax error in InvalidDefinition. */
    static String messageOf(JException error) {
        return asReferenceJsonata(String.valueOf(error.getMessage()));
    }

    static String asReferenceJsonata(String message) {
        StringBuilder fixed = new StringBuilder(message.length());
        boolean inQuotes = false;
        int wordStart = 0;
        // Replace the word "Object" only outside quoted values, which come from the user's expression.
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && message.startsWith("Object", i) && isWordBoundary(message, i - 1)
                    && isWordBoundary(message, i + "Object".length())) {
                fixed.append("function");
                i += "Object".length() - 1;
                continue;
            }
            fixed.append(c);
        }
        Matcher matcher = QUOTED_INDEX.matcher(fixed);
        return matcher.replaceAll("$1 $2");
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
