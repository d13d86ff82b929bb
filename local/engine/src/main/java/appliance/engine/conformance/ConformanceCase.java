package appliance.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the AWS-recorded conformance corpus: a definition, an input, what AWS answered, the
 * Lambda stand-ins by function name, and optionally a mock config with the test case to use.
 */
public record ConformanceCase(String name, JsonNode definition, JsonNode input, JsonNode expected,
        Map<String, String> lambdas, String source, JsonNode mockConfig, String testCase) {

    /** @throws IllegalArgumentException when a required field is missing */
    public static ConformanceCase fromJson(JsonNode line) {
        if (!line.path("name").isTextual() || !line.path("definition").isObject() || !line.has("expected")) {
            throw new IllegalArgumentException("A case needs 'name', 'definition' (an object) and 'expected'");
        }
        Map<String, String> lambdas = new LinkedHashMap<>();
        line.path("lambdas").properties().forEach(e -> lambdas.put(e.getKey(), e.getValue().asText()));
        return new ConformanceCase(line.get("name").asText(), line.get("definition"),
                line.has("input") ? line.get("input") : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                line.get("expected"), lambdas, line.path("source").asText(""),
                line.get("mockConfig"), line.path("testCase").asText(null));
    }

    /** The folder after {@code v2/} in the source, e.g. {@code choice_operators}; the source itself otherwise. */
    public String area() {
        int at = source.indexOf("v2/");
        if (at < 0) {
            return source.isEmpty() ? "unknown" : source;
        }
        String rest = source.substring(at + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** JSONata cases belong to another issue: QueryLanguage JSONata anywhere, or a {@code {%} expression. */
    public boolean isJsonata() {
        String text = definition.toString();
        return text.contains("\"JSONata\"") || text.contains("{%");
    }
}
