package appliance.engine.jsonata;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code {% expression %}} string, compiled once. Evaluating it gives the JSON value, or Java null
 * when JSONata returns nothing (undefined): whether that is an error depends on the field, so the
 * template decides.
 *
 * <p>Why the expression is compiled twice: the jsonata library turns both JSON {@code null} and
 * "undefined" into Java null in the result it returns, but AWS treats them differently ({@code null} is a
 * value; undefined is "returned nothing"). So the expression also runs wrapped as {@code {"value": (…)}}:
 * an object constructor leaves out a member whose value is undefined and keeps one whose value is null.
 * The plain compile checks the syntax, so its errors name the user's text, not the wrapper.
 */
final class JsonataExpression {

    private static final String OPEN = "{%";
    private static final String CLOSE = "%}";
    private static final String HOLDER = "value";
    /** A {@code $name} in the text: variables to bind and library functions to provide. */
    private static final Pattern NAME = Pattern.compile("\\$([\\p{L}_][\\p{L}\\p{N}_]*)");

    private final String text;
    private final String fieldPath;
    private final Jsonata wrapped;
    private final Set<String> names;

    private JsonataExpression(String text, String fieldPath, Jsonata wrapped, Set<String> names) {
        this.text = text;
        this.fieldPath = fieldPath;
        this.wrapped = wrapped;
        this.names = names;
    }

    /** True for a string AWS evaluates as JSONata: it starts with {@code {%} and ends with {@code %}}. */
    static boolean isExpression(String value) {
        return value != null && value.length() >= OPEN.length() + CLOSE.length()
                && value.startsWith(OPEN) && value.endsWith(CLOSE);
    }

    /**
     * @param delimited the string with its {@code {%} and {@code %}}
     * @param fieldPath where it is, for messages: {@code Output/result}
     * @throws JsonataSyntaxException when the text is not valid JSONata
     */
    static JsonataExpression compile(String delimited, String fieldPath) {
        String text = delimited.substring(OPEN.length(), delimited.length() - CLOSE.length()).trim();
        if (text.isEmpty()) {
            throw new JsonataSyntaxException(fieldPath, text, "Unexpected end of expression");
        }
        Jsonata wrapped;
        try {
            Jsonata.jsonata(text);
            wrapped = Jsonata.jsonata("{\"" + HOLDER + "\": (" + text + "\n)}");
        } catch (JException e) {
            throw new JsonataSyntaxException(fieldPath, text, JsonataErrorText.messageOf(e));
        } catch (RuntimeException e) {
            // The parser signals a few malformed inputs with unchecked exceptions of its own.
            throw new JsonataSyntaxException(fieldPath, text, "The expression cannot be parsed");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new JsonataExpression(text, fieldPath, wrapped, Set.copyOf(names));
    }

    /** The expression text between the delimiters, trimmed, as AWS quotes it in causes. */
    String text() {
        return text;
    }

    String fieldPath() {
        return fieldPath;
    }

    /**
     * The expression's value as JSON, or Java null when it returned nothing (undefined).
     *
     * @throws StatesFailure States.QueryEvaluationError when the expression fails or returns a function
     */
    JsonNode evaluate(JsonataBindings bindings) {
        Object holder;
        try {
            holder = wrapped.evaluate(null, frameFor(bindings));
        } catch (JException e) {
            throw failure(QueryEvaluationCauses.threwError(text, fieldPath, JsonataErrorText.of(e)), fieldPath);
        } catch (JsonataFunctionException e) {
            throw failure(QueryEvaluationCauses.threwUncodedError(text, fieldPath, e.getMessage()), fieldPath);
        } catch (StackOverflowError e) {
            throw failure(QueryEvaluationCauses.threwError(text, fieldPath,
                    "U1001: Stack overflow error: Check for non-terminating recursive function.  "
                            + "Consider rewriting as tail-recursive."), fieldPath);
        } catch (RuntimeException e) {
            // A defect or gap in the library on an odd input: still an evaluation error of this expression,
            // reported without a Java class name or stack trace.
            throw failure(QueryEvaluationCauses.threwUncodedError(text, fieldPath,
                    "The expression could not be evaluated" + (e.getMessage() == null ? "" : ": " + e.getMessage())), fieldPath);
        }
        if (!(holder instanceof Map<?, ?> map) || !map.containsKey(HOLDER)) {
            return null;
        }
        try {
            return JsonataValues.toJson(map.get(HOLDER));
        } catch (JsonataValues.NotJsonException e) {
            throw failure(QueryEvaluationCauses.unsupportedType(text, fieldPath), fieldPath);
        }
    }

    private Frame frameFor(JsonataBindings bindings) {
        Frame frame = wrapped.createFrame();
        StepFunctionsLibrary.bind(frame, names, bindings);
        for (String name : names) {
            if (!name.equals("states")) {
                JsonNode value = bindings.variables().find(name);
                if (value != null) {
                    frame.bind(name, JsonataValues.toJsonata(value));
                }
            }
        }
        if (names.contains("states")) {
            frame.bind("states", bindings.statesObject());
        }
        return frame;
    }

    /** A QueryEvaluationError at {@code location}, the field path AWS names in its EvaluationFailed event. */
    static StatesFailure failure(String cause, String location) {
        return new StatesFailure(ErrorNames.QUERY_EVALUATION_ERROR, cause, location);
    }

    @Override
    public String toString() {
        return OPEN + " " + text + " " + CLOSE;
    }
}
