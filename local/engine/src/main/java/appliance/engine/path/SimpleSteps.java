package appliance.engine.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A shortcut for the paths most definitions use: fields and non-negative indexes only
 * ({@code $.a.b}, {@code $['a b'][0]}). Walking the JSON tree directly costs a fraction of a Jayway
 * evaluation. It answers only when the walk succeeds; anything it cannot walk (a missing field, a
 * value of another kind) goes to Jayway, so results and error texts stay Jayway's.
 */
final class SimpleSteps {

    /** Each step is a field name (String) or an array index (Integer). */
    private final Object[] steps;

    private SimpleSteps(Object[] steps) {
        this.steps = steps;
    }

    /** The steps of {@code path} (the part after the root {@code $}), or null when it is not that simple. */
    static SimpleSteps of(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && isPlainNameChar(path.charAt(end))) {
                    end++;
                }
                if (end == i + 1 || (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[')) {
                    return null;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("['", i)) {
                int end = path.indexOf("']", i + 2);
                if (end < 0) {
                    return null;
                }
                String name = path.substring(i + 2, end);
                if (name.indexOf('\'') >= 0 || name.indexOf('\\') >= 0) {
                    return null;
                }
                steps.add(name);
                i = end + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0 || end == i + 1 || end - i > 10) {
                    return null;
                }
                for (int d = i + 1; d < end; d++) {
                    if (!Character.isDigit(path.charAt(d))) {
                        return null;
                    }
                }
                steps.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                return null;
            }
        }
        return new SimpleSteps(steps.toArray());
    }

    private static boolean isPlainNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** The value the steps lead to, or null when the walk cannot be completed (let Jayway decide then). */
    JsonNode walk(JsonNode start) {
        JsonNode current = start;
        for (Object step : steps) {
            if (step instanceof String field) {
                if (!current.isObject()) {
                    return null;
                }
                current = current.get(field);
            } else {
                if (!current.isArray()) {
                    return null;
                }
                current = current.get((Integer) step);
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
