package appliance.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a file for {@code put-events}, as {@code aws events put-events --entries file://...} takes it:
 * a list of entries, or {@code {"Entries": [...]}} (the CLI's {@code --cli-input-json} shape). A problem
 * with the whole file throws; a problem with one entry becomes that entry's error, as PutEvents reports
 * failed entries one by one while it accepts the others.
 */
public final class PutEventsFile {

    /** PutEvents takes at most 10 entries per request. */
    public static final int MAX_ENTRIES = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of the file: the entry, or its error code and message (PutEvents' ErrorCode and ErrorMessage). */
    public record ParsedEntry(int number, Optional<PutEventsEntry> entry, Optional<String> errorCode, Optional<String> errorMessage) {

        static ParsedEntry valid(int number, PutEventsEntry entry) {
            return new ParsedEntry(number, Optional.of(entry), Optional.empty(), Optional.empty());
        }

        static ParsedEntry invalid(int number, String code, String message) {
            return new ParsedEntry(number, Optional.empty(), Optional.of(code), Optional.of("Entry " + number + ": " + message));
        }

        public boolean isValid() {
            return entry.isPresent();
        }
    }

    private PutEventsFile() {
    }

    /**
     * @param source what to call the file in messages
     * @throws IllegalArgumentException naming the file when it is not JSON, not a list of entries, or too long
     */
    public static List<ParsedEntry> parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode entries = root != null && root.isObject() && root.has("Entries") ? root.get("Entries") : root;
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException(source + ": expected a list of entries [{\"Source\": ..., \"DetailType\": ..., \"Detail\": \"{...}\"}] or {\"Entries\": [...]}");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + ": the list of entries is empty");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(source + ": " + entries.size() + " entries; PutEvents takes at most " + MAX_ENTRIES + " per request");
        }
        List<ParsedEntry> parsed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            parsed.add(entry(i + 1, entries.get(i)));
        }
        return parsed;
    }

    private static ParsedEntry entry(int number, JsonNode entry) {
        if (!entry.isObject()) {
            return ParsedEntry.invalid(number, "InvalidArgument", "must be an object with Source, DetailType and Detail, got " + entry);
        }
        for (String required : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(required)) {
                return ParsedEntry.invalid(number, "InvalidArgument", required + " is missing");
            }
        }
        for (String text : List.of("Source", "DetailType", "EventBusName")) {
            if (entry.has(text) && !entry.get(text).isTextual()) {
                return ParsedEntry.invalid(number, "InvalidArgument", text + " must be a string, got " + entry.get(text));
            }
        }
        JsonNode detail = entry.get("Detail");
        if (!detail.isTextual()) {
            return ParsedEntry.invalid(number, "MalformedDetail",
                    "Detail must be a string holding the event's JSON (for example \"{\\\"cook_secs\\\": 10}\"), got " + detail.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        try {
            JsonNode parsedDetail = JSON.readTree(detail.asText());
            if (parsedDetail == null || !parsedDetail.isObject()) {
                return ParsedEntry.invalid(number, "MalformedDetail", "Detail is malformed: it must be a JSON object");
            }
        } catch (JsonProcessingException e) {
            return ParsedEntry.invalid(number, "MalformedDetail", "Detail is malformed: " + e.getOriginalMessage());
        }
        List<String> resources = new ArrayList<>();
        if (entry.has("Resources")) {
            if (!entry.get("Resources").isArray()) {
                return ParsedEntry.invalid(number, "InvalidArgument", "Resources must be a list of ARNs");
            }
            for (JsonNode resource : entry.get("Resources")) {
                if (!resource.isTextual()) {
                    return ParsedEntry.invalid(number, "InvalidArgument", "Resources must be a list of ARNs, got " + resource);
                }
                resources.add(resource.asText());
            }
        }
        Optional<Instant> time;
        try {
            time = time(entry.get("Time"));
        } catch (DateTimeParseException | NumberFormatException e) {
            return ParsedEntry.invalid(number, "InvalidArgument", "Time " + entry.get("Time") + " is not an ISO 8601 timestamp or epoch seconds");
        }
        return ParsedEntry.valid(number, new PutEventsEntry(entry.get("Source").asText(), entry.get("DetailType").asText(), detail.asText(),
                entry.path("EventBusName").asText("default"), resources, time));
    }

    /** The CLI takes a timestamp as ISO 8601 text or as seconds since the epoch. */
    private static Optional<Instant> time(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber() || value.asText().matches("\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(value.asText());
            return Optional.of(Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue()));
        }
        String text = value.asText();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        }
    }
}
