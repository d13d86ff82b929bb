package appliance.runtime.events;

import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EventBridge's input transformer: {@code InputPathsMap} names values of the event, and
 * {@code InputTemplate} places them with {@code <name>} placeholders, plus the predefined
 * {@code <aws.events.rule-arn>}, {@code <aws.events.rule-name>}, {@code <aws.events.event.ingestion-time>},
 * {@code <aws.events.event>} (the event without detail) and {@code <aws.events.event.json>} (the whole event).
 *
 * <p>EventBridge's substitution rules: in a JSON template (one that starts with '{'), a placeholder
 * outside quotes becomes the value as JSON (a string gets its quotes); inside a quoted string it becomes
 * the value's text without escaping, and an object or array there loses its inner quotes; in a plain
 * string template every value is written as text. A path that selects nothing gives {@code null} outside
 * quotes in a JSON template and an empty text elsewhere. The template is split into pieces once.
 */
public final class InputTransformer implements TargetInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VARIABLES = 100;
    private static final Set<String> PREDEFINED = Set.of("aws.events.rule-arn", "aws.events.rule-name",
            "aws.events.event.ingestion-time", "aws.events.event", "aws.events.event.json");
    private static final DateTimeFormatter INGESTION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A piece of the template: literal text, or a placeholder and whether it sits inside a JSON string. */
    private record Piece(String literal, String variable, boolean quoted) {
    }

    private final Map<String, ReferencePath> paths;
    private final String template;
    private final boolean jsonTemplate;
    private final List<Piece> pieces;

    private InputTransformer(Map<String, ReferencePath> paths, String template, boolean jsonTemplate, List<Piece> pieces) {
        this.paths = paths;
        this.template = template;
        this.jsonTemplate = jsonTemplate;
        this.pieces = pieces;
    }

    /**
     * @param transformer {@code {"InputPathsMap": {...}, "InputTemplate": "..."}}
     * @param where       names the rule and target in errors
     * @throws InvalidRuleException when a path or the template is not valid
     */
    public static InputTransformer compile(JsonNode transformer, String where) {
        JsonNode templateNode = transformer.get("InputTemplate");
        if (templateNode == null || !templateNode.isTextual() || templateNode.asText().isEmpty()) {
            throw new InvalidRuleException(where + ": InputTransformer.InputTemplate is missing");
        }
        Map<String, ReferencePath> paths = new LinkedHashMap<>();
        JsonNode map = transformer.path("InputPathsMap");
        if (!map.isMissingNode() && !map.isObject()) {
            throw new InvalidRuleException(where + ": InputTransformer.InputPathsMap must be a map of names to JSONPaths");
        }
        if (map.size() > MAX_VARIABLES) {
            throw new InvalidRuleException(where + ": InputTransformer.InputPathsMap has " + map.size() + " entries; at most " + MAX_VARIABLES + " are allowed");
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String name = entry.getKey();
            if (name.toLowerCase(Locale.ROOT).startsWith("aws.")) {
                throw new InvalidRuleException(where + ": InputTransformer.InputPathsMap: the name " + name + " is reserved (names may not start with 'AWS.')");
            }
            String path = entry.getValue().asText("");
            if (!entry.getValue().isTextual() || !path.startsWith("$") || path.startsWith("$$")) {
                throw new InvalidRuleException(where + ": InputTransformer.InputPathsMap." + name + " must be a JSONPath starting with '$', got " + entry.getValue());
            }
            try {
                paths.put(name, ReferencePath.compile(path));
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(where + ": InputTransformer.InputPathsMap." + name + ": " + e.getMessage());
            }
        }
        String template = templateNode.asText();
        boolean json = template.trim().startsWith("{");
        List<Piece> pieces = split(template, paths.keySet());
        InputTransformer compiled = new InputTransformer(Map.copyOf(paths), template, json, List.copyOf(pieces));
        if (json) {
            compiled.requireJsonShape(where);
        }
        return compiled;
    }

    /** Splits the template into literal text and placeholders, tracking whether each placeholder sits inside quotes. */
    private static List<Piece> split(String template, Set<String> names) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean inString = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (inString && c == '\\' && i + 1 < template.length()) {
                literal.append(c).append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            } else if (c == '<') {
                int close = template.indexOf('>', i + 1);
                if (close > i + 1) {
                    String name = template.substring(i + 1, close);
                    if (names.contains(name) || PREDEFINED.contains(name)) {
                        if (literal.length() > 0) {
                            pieces.add(new Piece(literal.toString(), null, false));
                            literal.setLength(0);
                        }
                        pieces.add(new Piece(null, name, inString));
                        i = close + 1;
                        continue;
                    }
                }
            }
            literal.append(c);
            i++;
        }
        if (literal.length() > 0) {
            pieces.add(new Piece(literal.toString(), null, false));
        }
        return pieces;
    }

    /** A JSON template must be JSON once its placeholders are filled (EventBridge refuses the target otherwise). */
    private void requireJsonShape(String where) {
        StringBuilder sample = new StringBuilder();
        for (Piece piece : pieces) {
            sample.append(piece.literal() != null ? piece.literal() : piece.quoted() ? "x" : "null");
        }
        try {
            JSON.readTree(sample.toString());
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException(where + ": InputTransformer.InputTemplate is not valid JSON once its placeholders are filled"
                    + " (a placeholder may not be an object key): " + e.getOriginalMessage());
        }
    }

    public String template() {
        return template;
    }

    @Override
    public String render(ObjectNode event, RuleContext rule) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece.literal() != null) {
                out.append(piece.literal());
                continue;
            }
            JsonNode value = values.computeIfAbsent(piece.variable(), name -> valueOf(name, event, rule));
            out.append(text(value, piece.quoted()));
        }
        return out.toString();
    }

    private JsonNode valueOf(String name, ObjectNode event, RuleContext rule) {
        switch (name) {
            case "aws.events.rule-arn":
                return TextNode.valueOf(rule.ruleArn());
            case "aws.events.rule-name":
                return TextNode.valueOf(rule.ruleName());
            case "aws.events.event.ingestion-time":
                return TextNode.valueOf(INGESTION_TIME.format(rule.ingestionTime()));
            case "aws.events.event": {
                ObjectNode withoutDetail = event.deepCopy();
                withoutDetail.remove("detail");
                return withoutDetail;
            }
            case "aws.events.event.json":
                return event;
            default:
                return paths.get(name).read(new DataScope(event, null, null));
        }
    }

    private String text(JsonNode value, boolean quoted) {
        if (value == null || value.isMissingNode()) {
            return jsonTemplate && !quoted ? "null" : "";
        }
        if (quoted) {
            // Inside a JSON string EventBridge writes the text as is; an object or array loses its quotes.
            return value.isContainerNode() ? value.toString().replace("\"", "") : value.asText();
        }
        if (jsonTemplate) {
            return value.toString();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
