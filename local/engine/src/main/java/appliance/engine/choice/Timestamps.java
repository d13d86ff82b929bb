package appliance.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as Choice rules read them: RFC 3339 date-times with an offset ({@code 2016-03-14T01:59:00Z},
 * {@code 2016-03-14T01:59:00.123+01:00}), parsed with Java's ISO offset date-time format, the format
 * AWS's own error texts name ("ISO-8601 extended offset date-time format"). A date alone, a date-time
 * without an offset, or one with a space instead of the {@code T} is not a timestamp.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or null when the value is not a string holding a timestamp. */
    static Instant parse(JsonNode value) {
        return value != null && value.isTextual() ? parse(value.textValue()) : null;
    }

    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
