package appliance.engine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * A JSONPath compiled once and read many times. Three roots, as in ASL: {@code $} reads the data,
 * {@code $$} the context object, {@code $name} a variable. Everything after the root goes through
 * Jayway JsonPath, the library AWS Step Functions itself uses, so filters and wildcards behave alike.
 */
public final class ReferencePath {

    private static final Configuration JSON_NODES = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    /** Which value a path starts from. */
    public enum Root { DATA, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variableName;
    /** The path below the root, or null when the path is the root itself. */
    private final JsonPath below;
    /** The same path as plain steps, when it is that simple; null otherwise. */
    private final SimpleSteps simple;

    private ReferencePath(String text, Root root, String variableName, JsonPath below) {
        this.text = text;
        this.root = root;
        this.variableName = variableName;
        this.below = below;
        this.simple = below == null ? null : SimpleSteps.of(belowText(text, root, variableName));
    }

    /** The text of the path below its root, as {@code $...}. */
    private static String belowText(String text, Root root, String variableName) {
        return switch (root) {
            case DATA -> text;
            case CONTEXT -> text.substring(1);
            case VARIABLE -> "$" + text.substring(1 + variableName.length());
        };
    }

    /**
     * Compiles a reference path.
     *
     * @throws IllegalArgumentException naming the path when it is not valid JSONPath
     */
    public static ReferencePath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("The path '" + text + "' does not start with '$'");
        }
        if (text.startsWith("$$")) {
            return new ReferencePath(text, Root.CONTEXT, null, compileBelow(text, text.substring(1)));
        }
        int end = 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (end == 1) {
            return new ReferencePath(text, Root.DATA, null, compileBelow(text, text));
        }
        String name = text.substring(1, end);
        return new ReferencePath(text, Root.VARIABLE, name, compileBelow(text, "$" + text.substring(end)));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static JsonPath compileBelow(String original, String jsonPath) {
        if (jsonPath.equals("$")) {
            return null;
        }
        try {
            return JsonPath.compile(literalBackslashesInQuotes(jsonPath));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The path '" + original + "' is not valid JSONPath: " + e.getMessage(), e);
        }
    }

    /**
     * AWS reads a backslash inside a quoted bracket key ({@code $['a\\"b']}) as itself, while Jayway
     * takes it as an escape; doubling it makes Jayway read it as AWS does.
     */
    private static String literalBackslashesInQuotes(String path) {
        if (path.indexOf('\\') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 4);
        boolean inKey = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!inKey && c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                inKey = true;
                out.append("['");
                i++;
                continue;
            }
            if (inKey && c == '\'' && i + 1 < path.length() && path.charAt(i + 1) == ']') {
                inKey = false;
            }
            out.append(inKey && c == '\\' ? "\\\\" : String.valueOf(c));
        }
        return out.toString();
    }

    public String text() {
        return text;
    }

    public Root root() {
        return root;
    }

    /** The variable's name for a {@code $name} path; null otherwise. */
    public String variableName() {
        return variableName;
    }

    /** True when the path selects one value (no wildcard, filter, slice or deep scan). */
    public boolean isDefinite() {
        return below == null || below.isDefinite();
    }

    /**
     * Reads the value the path points to, or returns null when it points to nothing (a missing field,
     * an index out of range, an undefined variable). A JSON {@code null} found there is returned as a
     * NullNode, so callers can tell the two apart.
     */
    public JsonNode read(DataScope scope) {
        JsonNode start = switch (root) {
            case DATA -> scope.data();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variables().find(variableName);
        };
        if (start == null || below == null) {
            return start;
        }
        if (simple != null) {
            JsonNode found = simple.walk(start);
            if (found != null) {
                return found;
            }
        }
        try {
            return below.read(start, JSON_NODES);
        } catch (PathNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            // Jayway signals other shape mismatches (an index on an object, a field on a number) with
            // its own exception types; for a reader they all mean "nothing there".
            return null;
        }
    }

    /**
     * Reads the value the path points to, failing when there is none: AWS fails a state whose
     * InputPath, OutputPath or {@code .$} path finds nothing, and quotes Jayway's message in the cause.
     *
     * @throws PathNotFound with Jayway's message, for example "No results for path: $['a']"
     */
    public JsonNode readRequired(DataScope scope) {
        JsonNode start = switch (root) {
            case DATA -> scope.data();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variables().find(variableName);
        };
        if (start == null) {
            throw new PathNotFound("No results for path: " + text);
        }
        if (below == null) {
            return start;
        }
        if (simple != null) {
            JsonNode found = simple.walk(start);
            if (found != null) {
                return found;
            }
        }
        try {
            return below.read(start, JSON_NODES);
        } catch (PathNotFoundException e) {
            if (!below.isDefinite()) {
                // A wildcard, slice or filter over something missing selects nothing: an empty list, as at AWS.
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            }
            throw new PathNotFound(e.getMessage());
        } catch (RuntimeException e) {
            throw new PathNotFound(e.getMessage() == null ? "No results for path: " + text : e.getMessage());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
