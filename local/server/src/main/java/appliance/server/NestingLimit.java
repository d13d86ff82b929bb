package appliance.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses a definition with an expression (JSONata, an intrinsic function) nested deeper than the
 * engine evaluates safely: the parsers and evaluators recurse once per level, and a request must never
 * be able to exhaust a thread's stack. Counts brackets of every string in the definition, outside quotes.
 */
final class NestingLimit {

    /** Far beyond any expression written by hand; far below what a thread's stack holds. */
    static final int MAX_DEPTH = 256;

    private NestingLimit() {
    }

    /** @throws ApiException InvalidDefinition naming the state field that is nested too deeply */
    static void check(JsonNode definition) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(definition);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isContainerNode()) {
                node.forEach(pending::push);
            } else if (node.isTextual()) {
                int depth = depth(node.textValue());
                if (depth > MAX_DEPTH) {
                    String text = node.textValue();
                    throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED:"
                            + " The expression " + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                            + " is nested " + depth + " levels deep; at most " + MAX_DEPTH + " are supported'");
                }
            }
        }
    }

    private static int depth(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }
}
