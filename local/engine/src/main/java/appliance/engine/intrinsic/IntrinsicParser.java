package appliance.engine.intrinsic;

import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for intrinsic calls. The grammar:
 *
 * <pre>
 *   call     := name '(' [ argument { ',' argument } ] ')'
 *   name     := 'States.' letters
 *   argument := call | string | number | 'true' | 'false' | 'null' | path
 *   string   := "'" { char | '\' ( "'" | '{' | '}' | '\' ) } "'"
 *   path     := '$' ... up to a ',' or ')' outside brackets and quotes
 * </pre>
 *
 * Whitespace may stand between tokens. One parser instance reads one text.
 */
final class IntrinsicParser {

    /** The developer guide allows up to 10 intrinsic functions within one field. */
    static final int MAX_FUNCTIONS = 10;

    private final String text;
    private int position;
    private int functions;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static FunctionCall parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("An intrinsic function call is missing");
        }
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipSpaces();
        FunctionCall call = parser.call();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private FunctionCall call() {
        int start = position;
        String name = name();
        IntrinsicFunction function = IntrinsicFunctions.find(name);
        if (function == null) {
            position = start;
            throw error("the function '" + name + "' is not an intrinsic function");
        }
        if (++functions > MAX_FUNCTIONS) {
            throw new IllegalArgumentException("The intrinsic function call '" + text + "' nests more than "
                    + MAX_FUNCTIONS + " intrinsic functions");
        }
        skipSpaces();
        expect('(');
        List<Argument> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            position++;
        } else {
            while (true) {
                skipSpaces();
                arguments.add(argument());
                skipSpaces();
                char next = peek();
                position++;
                if (next == ')') {
                    break;
                }
                if (next != ',') {
                    position--;
                    throw error(atEnd() ? "a closing parenthesis is missing" : "expected ',' or ')'");
                }
            }
        }
        function.signature().checkCount(arguments.size());
        return new FunctionCall(function, arguments);
    }

    private String name() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.' || peek() == '_')) {
            position++;
        }
        if (start == position) {
            throw error("expected a function name");
        }
        return text.substring(start, position);
    }

    private Argument argument() {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c)) {
            int start = position;
            String word = name();
            switch (word) {
                case "true":
                    return new Literal(BooleanNode.TRUE);
                case "false":
                    return new Literal(BooleanNode.FALSE);
                case "null":
                    return new Literal(NullNode.getInstance());
                default:
                    position = start;
                    if (IntrinsicExpression.isIntrinsic(word)) {
                        return call();
                    }
                    throw error("'" + word + "' is not a valid argument");
            }
        }
        throw error(atEnd() ? "a closing parenthesis is missing" : "expected an argument");
    }

    private Literal string() {
        int open = position;
        position++;
        StringBuilder value = new StringBuilder();
        StringBuilder source = new StringBuilder();
        String openEscape = null;
        while (true) {
            if (atEnd()) {
                position = open;
                throw error("the string starting here has no closing quote");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                return new Literal(TextNode.valueOf(value.toString()), source.toString(), openEscape);
            }
            if (c == '\\' && !atEnd()) {
                char escaped = text.charAt(position++);
                source.append(c).append(escaped);
                // ASL defines these four escapes; any other backslash is an "open escape backslash".
                if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\' && openEscape == null) {
                    openEscape = "The intrinsic function call '" + text + "' has an open escape backslash at position "
                            + (position - 2) + ": only \\', \\{, \\} and \\\\ are escapes";
                }
                value.append(escaped);
                continue;
            }
            source.append(c);
            value.append(c);
        }
    }

    private Literal number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        digits();
        if (peek() == '.') {
            position++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            digits();
        }
        String number = text.substring(start, position);
        try {
            JsonNode value = JsonValues.JSON.readTree(number);
            if (value == null || !value.isNumber()) {
                throw new NumberFormatException(number);
            }
            return new Literal(value);
        } catch (JsonProcessingException | NumberFormatException e) {
            position = start;
            throw error("'" + number + "' is not a valid number");
        }
    }

    private void digits() {
        int start = position;
        while (!atEnd() && Character.isDigit(peek())) {
            position++;
        }
        if (start == position) {
            throw error("expected a digit");
        }
    }

    /** A path runs to the next ',' or ')' that is not inside brackets, parentheses or quotes (filters have all three). */
    private PathArgument path() {
        int start = position;
        int depth = 0;
        char quote = 0;
        while (!atEnd()) {
            char c = peek();
            if (quote != 0) {
                if (c == '\\') {
                    position++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                break;
            }
            position++;
        }
        String path = text.substring(start, Math.min(position, text.length()));
        try {
            return new PathArgument(ReferencePath.compile(path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The intrinsic function call '" + text + "' has an invalid path argument: "
                    + e.getMessage(), e);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("The intrinsic function call '" + text + "' is invalid at position "
                + position + ": " + problem);
    }
}
