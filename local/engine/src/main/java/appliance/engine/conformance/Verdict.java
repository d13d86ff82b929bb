package appliance.engine.conformance;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an outcome compares with what AWS recorded, as the corpus README asks: status, output (as JSON
 * values, numbers by value) and error exactly; the cause exactly too, but counted apart ({@link #CLOSE}).
 */
public enum Verdict {
    /** Everything matches, the cause word for word. */
    PASS,
    /** Status, output and error match; the cause differs. */
    CLOSE,
    /** Status, output or error differ. */
    FAIL;

    public static Verdict of(JsonNode expected, CaseOutcome actual) {
        String status = expected.path("status").asText();
        if (!status.equals(actual.status())) {
            return FAIL;
        }
        if ("SUCCEEDED".equals(status)) {
            return sameValue(expected.get("output"), actual.output()) ? PASS : FAIL;
        }
        if (!equal(text(expected.get("error")), actual.error())) {
            return FAIL;
        }
        return equal(text(expected.get("cause")), actual.cause()) ? PASS : CLOSE;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** JSON equality with numbers compared by value, so 1 equals 1.0. */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        boolean aAbsent = a == null || a.isNull();
        boolean bAbsent = b == null || b.isNull();
        if (aAbsent || bAbsent) {
            return aAbsent && bAbsent;
        }
        return Json.sameValue(a, b);
    }
}
