package appliance.engine.maprun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The item formats an ItemReader reads, from bytes to items: a JSON array, JSON Lines, CSV (with its
 * header in the first row or given), and the rows of an S3 inventory's CSV files. Pure: bytes in,
 * JSON out; a malformed file is an {@link ItemFormatException} naming what is wrong and where.
 */
public final class ItemFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemFormats() {
    }

    /** A JSON file whose value is the array of items. */
    public static ArrayNode jsonArray(byte[] content, String source) {
        JsonNode value;
        try {
            value = JSON.readTree(content);
        } catch (IOException e) {
            throw new ItemFormatException(source + " is not valid JSON: " + firstLine(e));
        }
        if (value == null || !value.isArray()) {
            throw new ItemFormatException(source + " does not hold a JSON array; ItemReader's JSON input is an array of items.");
        }
        return (ArrayNode) value;
    }

    /** A JSON file holding one object (a manifest). */
    public static JsonNode jsonObject(byte[] content, String source) {
        JsonNode value;
        try {
            value = JSON.readTree(content);
        } catch (IOException e) {
            throw new ItemFormatException(source + " is not valid JSON: " + firstLine(e));
        }
        if (value == null || !value.isObject()) {
            throw new ItemFormatException(source + " does not hold a JSON object.");
        }
        return value;
    }

    /** JSON Lines: one JSON value a line; blank lines are skipped. */
    public static ArrayNode jsonLines(byte[] content, String source, long maxItems) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        String text = new String(content, StandardCharsets.UTF_8);
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length() && items.size() < maxItems) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                try {
                    items.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new ItemFormatException(source + " line " + lineNumber + " is not valid JSON: " + firstLine(e));
                }
            }
            start = end + 1;
        }
        return items;
    }

    /**
     * CSV: each row an object from column name to its text. {@code headers}: the column names, or null
     * when the first row holds them. Quoted fields may hold the delimiter, quotes ("") and line breaks.
     */
    public static ArrayNode csv(byte[] content, String source, char delimiter, List<String> headers, long maxItems) {
        List<List<String>> rows = csvRows(new String(content, StandardCharsets.UTF_8), delimiter, source);
        List<String> names = headers;
        int first = 0;
        if (names == null) {
            if (rows.isEmpty()) {
                throw new ItemFormatException(source + " has no header row (CSVHeaderLocation is FIRST_ROW).");
            }
            names = rows.get(0);
            first = 1;
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int r = first; r < rows.size() && items.size() < maxItems; r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() > names.size()) {
                throw new ItemFormatException(source + " row " + (r + 1) + " has " + row.size()
                        + " fields but the header names " + names.size() + ".");
            }
            ObjectNode item = items.addObject();
            for (int c = 0; c < names.size(); c++) {
                item.put(names.get(c), c < row.size() ? row.get(c) : "");
            }
        }
        return items;
    }

    /** Unzips a gzip file (an S3 inventory's data files are CSV.gz); other bytes are returned as they are. */
    public static byte[] gunzipIfZipped(byte[] content, String source) {
        if (content.length < 2 || (content[0] & 0xff) != 0x1f || (content[1] & 0xff) != 0x8b) {
            return content;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ItemFormatException(source + " is not a readable gzip file: " + firstLine(e));
        }
    }

    static List<List<String>> csvRows(String text, char delimiter, String source) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new ItemFormatException(source + " ends inside a quoted CSV field.");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
