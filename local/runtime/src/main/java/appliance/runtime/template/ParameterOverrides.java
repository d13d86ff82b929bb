package appliance.runtime.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses parameter overrides as {@code sam deploy --parameter-overrides} takes them: {@code Key=Value}
 * pairs, or CloudFormation's {@code ParameterKey=Key,ParameterValue=Value} form.
 */
public final class ParameterOverrides {

    private static final String KEY_PREFIX = "ParameterKey=";
    private static final String VALUE_MARKER = ",ParameterValue=";

    private ParameterOverrides() {
    }

    /**
     * @throws TemplateException naming the pair when it has no '=' or an empty key
     */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair == null) {
                continue;
            }
            if (pair.startsWith(KEY_PREFIX) && pair.contains(VALUE_MARKER)) {
                int marker = pair.indexOf(VALUE_MARKER);
                put(overrides, pair, pair.substring(KEY_PREFIX.length(), marker), pair.substring(marker + VALUE_MARKER.length()));
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new TemplateException("Parameter override '" + pair + "' is not of the form Key=Value");
            }
            put(overrides, pair, pair.substring(0, equals), pair.substring(equals + 1));
        }
        return overrides;
    }

    private static void put(Map<String, String> overrides, String pair, String key, String value) {
        String trimmedKey = key.trim();
        if (trimmedKey.isEmpty()) {
            throw new TemplateException("Parameter override '" + pair + "' has no parameter name");
        }
        overrides.put(trimmedKey, unquote(value));
    }

    /** A shell may leave quotes around a value ({@code Key="a b"}); SAM drops them. */
    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
