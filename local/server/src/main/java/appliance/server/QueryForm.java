package appliance.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request of AWS's query protocol: {@code Action=Publish&TopicArn=...&MessageAttributes.entry.1.Name=...},
 * form-encoded in the body (or the query string). Lists and maps come as numbered members.
 */
final class QueryForm {

    private final Map<String, String> fields;

    private QueryForm(Map<String, String> fields) {
        this.fields = fields;
    }

    static QueryForm parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                fields.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new QueryForm(fields);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String get(String name) {
        return fields.get(name);
    }

    /**
     * A map sent as {@code PREFIX.entry.N.Name} with its value's members under {@code PREFIX.entry.N.Value.*}:
     * entry name to (value member to text), in the order of N.
     */
    Map<String, Map<String, String>> entries(String prefix) {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, Map<String, String>> values = new TreeMap<>();
        String start = prefix + ".entry.";
        fields.forEach((name, value) -> {
            if (!name.startsWith(start)) {
                return;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return;
            }
            int number;
            try {
                number = Integer.parseInt(rest.substring(0, dot));
            } catch (NumberFormatException notNumbered) {
                return;
            }
            String member = rest.substring(dot + 1);
            if (member.equals("Name")) {
                names.put(number, value);
            } else if (member.startsWith("Value.")) {
                values.computeIfAbsent(number, n -> new LinkedHashMap<>()).put(member.substring("Value.".length()), value);
            }
        });
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        names.forEach((number, name) -> entries.put(name, values.getOrDefault(number, Map.of())));
        return entries;
    }
}
