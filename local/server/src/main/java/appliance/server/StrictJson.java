package appliance.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the JSON a request carries, refusing what a lenient reader would quietly change: content after
 * the value ({@code {"x":1} trailing}, {@code {"x":1}{"y":2}}), a number beyond a double's range (a
 * plain reader turns {@code 1e309} into Infinity, which is not JSON), and text with a lone UTF-16
 * surrogate (it has no UTF-8 form). Nesting is limited by the reader (1,000 levels), so no deep
 * value reaches code that recurses. The checks walk the tree with a stack of their own, not recursion.
 */
final class StrictJson {

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What is wrong with a piece of JSON text, in words. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private StrictJson() {
    }

    /** @return the value, or null for empty text */
    static JsonNode read(String text) throws Problem {
        try {
            return check(READER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new Problem(e.getOriginalMessage());
        }
    }

    static JsonNode read(byte[] utf8) throws Problem {
        try {
            return check(READER.readTree(utf8));
        } catch (JsonProcessingException e) {
            throw new Problem(e.getOriginalMessage());
        } catch (IOException e) {
            throw new Problem("The JSON could not be read: " + e.getMessage());
        }
    }

    private static JsonNode check(JsonNode root) throws Problem {
        if (root == null || root.isMissingNode()) {
            return root;
        }
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    checkText(field.getKey());
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            } else if (node.isTextual()) {
                checkText(node.textValue());
            } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) && node.isDouble()) {
                throw new Problem("The number " + node.doubleValue() + " is out of range: JSON numbers must fit in a"
                        + " double (at most about 1.8e308)");
            }
        }
        return root;
    }

    private static void checkText(String text) throws Problem {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new Problem("Invalid UTF-16: a lone high surrogate \\u" + Integer.toHexString(c) + " at character " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new Problem("Invalid UTF-16: a lone low surrogate \\u" + Integer.toHexString(c) + " at character " + i);
            }
        }
    }
}
