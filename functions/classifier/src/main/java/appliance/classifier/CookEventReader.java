package appliance.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cook event as it arrives: bare, inside an EventBridge envelope ({@code detail}), or as the JSON
 * string of the first record of an SNS event ({@code Records[0].Sns.Message}), and validates it. Every
 * problem is reported at once, each naming its field.
 */
public final class CookEventReader {

    /** A cook longer than this is a broken clock, not a cook; beyond it, numbers lose their meaning downstream. */
    private static final BigDecimal LARGEST_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final ObjectReader json;

    public CookEventReader(ObjectMapper json) {
        // Fractions are read exactly as written (45.5 is 45.5, not the double nearest to it; 5.0 stays 5.0),
        // so the record keeps the seconds as given.
        this.json = json.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    public CookEvent read(InputStream input) {
        return read(parse(input));
    }

    public CookEvent read(JsonNode received) {
        return validate(unwrap(received));
    }

    private JsonNode parse(InputStream input) {
        try {
            JsonNode node = json.readTree(input);
            if (node == null || node.isMissingNode()) {
                throw new InvalidCookEventException("the event is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidCookEventException("the event is not valid JSON: " + jsonProblem(e));
        } catch (IOException e) {
            throw new InvalidCookEventException("the event could not be read: " + e.getMessage());
        }
    }

    private JsonNode unwrap(JsonNode received) {
        if (!received.isObject()) {
            throw new InvalidCookEventException("the event must be a JSON object, got " + describe(received));
        }
        if (received.has("Records")) {
            return unwrapSns(received.get("Records"));
        }
        if (received.has("detail-type") || received.has("detail")) {
            return unwrapEventBridge(received);
        }
        return received;
    }

    private JsonNode unwrapSns(JsonNode records) {
        if (!records.isArray() || records.isEmpty()) {
            throw new InvalidCookEventException("the SNS event has no records: Records must be a non-empty array");
        }
        if (records.size() > 1) {
            // SNS delivers one record per invocation; more means the event was not made by SNS, and
            // classifying only the first would silently drop the others.
            throw new InvalidCookEventException(
                    "the SNS event has " + records.size() + " records; SNS delivers exactly one per invocation");
        }
        JsonNode message = records.get(0).path("Sns").path("Message");
        if (!message.isTextual()) {
            throw new InvalidCookEventException("the SNS event has no cook event: Records[0].Sns.Message must be a JSON string");
        }
        try {
            return unwrap(json.readTree(message.textValue()));
        } catch (JsonProcessingException e) {
            throw new InvalidCookEventException(
                    "Records[0].Sns.Message is not valid JSON: " + jsonProblem(e));
        }
    }

    private JsonNode unwrapEventBridge(JsonNode envelope) {
        JsonNode detail = envelope.get("detail");
        if (detail == null || detail.isNull()) {
            throw new InvalidCookEventException("the EventBridge event has no cook event: detail is missing");
        }
        if (!detail.isObject()) {
            throw new InvalidCookEventException("the EventBridge event's detail must be a JSON object, got " + describe(detail));
        }
        return detail;
    }

    private CookEvent validate(JsonNode event) {
        List<String> problems = new ArrayList<>();
        BigDecimal cookSecs = seconds(event, "cook_secs", problems);
        BigDecimal reqSecs = seconds(event, "req_secs", problems);
        if (reqSecs != null && reqSecs.signum() == 0) {
            problems.add("req_secs must be greater than 0, got " + event.get("req_secs").asText());
        }
        String preset = optionalText(event, "pre", problems);
        String applianceId = optionalText(event, "appliance_id", problems);
        if (!problems.isEmpty()) {
            throw new InvalidCookEventException(problems);
        }
        boolean presetGiven = preset != null && !preset.isBlank();
        return new CookEvent(applianceId, cookSecs, reqSecs, presetGiven ? preset : null);
    }

    /** Seconds are any number, fractions included, kept as written; not negative, and within a long's range. */
    private static BigDecimal seconds(JsonNode event, String field, List<String> problems) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            problems.add(field + " is missing");
            return null;
        }
        if (!value.isNumber()) {
            problems.add(field + " must be a number of seconds, got " + describe(value));
            return null;
        }
        BigDecimal seconds = value.decimalValue();
        if (seconds.abs().compareTo(LARGEST_SECONDS) > 0) {
            problems.add(field + " is too large, got " + value.asText());
            return null;
        }
        if (seconds.signum() < 0) {
            problems.add(field + " must not be negative, got " + value.asText());
            return null;
        }
        return seconds;
    }

    private static String optionalText(JsonNode event, String field, List<String> problems) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + " must be a string, got " + describe(value));
            return null;
        }
        return value.textValue();
    }

    /** The parser's problem and where it is, without the parser's notes on its own configuration. */
    private static String jsonProblem(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        int note = problem.indexOf(" (start marker at");
        if (note >= 0) {
            problem = problem.substring(0, note);
        }
        problem = problem.lines().findFirst().orElse(problem);
        if (e.getLocation() == null) {
            return problem;
        }
        return problem + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A short description of a JSON value for an error message: its type and, when short, the value. */
    private static String describe(JsonNode value) {
        String type = switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
        String text = value.toString();
        return value.isContainerNode() || text.length() > 40 ? type : type + " (" + text + ")";
    }
}
