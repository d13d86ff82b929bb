package appliance.engine.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import appliance.engine.intrinsic.RecordedCases.RecordedCase;
import appliance.engine.path.DataScope;
import appliance.engine.path.ReferencePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every recorded case of the simplest intrinsic shape: one Pass state whose {@code Parameters}
 * hold {@code X.$} entries. A tiny stand-in for the interpreter evaluates the Parameters; the real
 * interpreter's conformance test covers the rest once the branches meet.
 */
class IntrinsicCorpusTest {

    static Stream<RecordedCase> intrinsicPassCases() {
        return RecordedCases.all().stream().filter(IntrinsicCorpusTest::isSimpleIntrinsicPass);
    }

    static boolean isSimpleIntrinsicPass(RecordedCase c) {
        JsonNode states = c.definition().path("States");
        if (states.size() != 1 || c.definition().has("QueryLanguage")) {
            return false;
        }
        JsonNode state = states.elements().next();
        if (!"Pass".equals(state.path("Type").asText()) || !state.has("Parameters")) {
            return false;
        }
        Iterator<String> fields = state.fieldNames();
        while (fields.hasNext()) {
            if (!Stream.of("Type", "Parameters", "End", "Comment").toList().contains(fields.next())) {
                return false;
            }
        }
        return state.get("Parameters").toString().contains("States.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intrinsicPassCases")
    void matches_what_aws_recorded(RecordedCase recorded) {
        JsonNode parameters = recorded.definition().path("States").elements().next().get("Parameters");
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.putObject("Execution").set("Input", recorded.input());
        DataScope scope = new DataScope(recorded.input(), context, null);
        JsonNode expected = recorded.expected();
        try {
            JsonNode output = evaluate(parameters, scope);
            assertThat(expected.path("status").asText()).as("status").isEqualTo("SUCCEEDED");
            assertThat(RecordedCases.sameJson(output, expected.get("output")))
                    .as("output %s, expected %s", output, expected.get("output")).isTrue();
        } catch (StatesFailure failure) {
            assertThat(failure.error()).as("error (cause: %s)", failure.cause()).isEqualTo(expected.path("error").asText());
            assertThat(failure.cause()).isEqualTo(expected.path("cause").asText());
        }
    }

    /** Every intrinsic call written anywhere in a JSONPath definition of the corpus (payload fields, ErrorPath, CausePath). */
    static Stream<String> intrinsicCallsAnywhere() {
        return RecordedCases.all().stream()
                .filter(c -> !c.definition().toString().contains("JSONata"))
                .flatMap(c -> callsIn(c.definition()))
                .distinct();
    }

    private static Stream<String> callsIn(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).flatMap(IntrinsicCorpusTest::callsIn);
        }
        if (!node.isObject()) {
            return Stream.empty();
        }
        Stream.Builder<String> calls = Stream.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            boolean expressionField = name.endsWith(".$") || name.equals("ErrorPath") || name.equals("CausePath");
            if (expressionField && value.isTextual() && IntrinsicExpression.isIntrinsic(value.textValue())) {
                calls.add(value.textValue());
            }
            callsIn(value).forEach(calls::add);
        }
        return calls.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intrinsicCallsAnywhere")
    void every_intrinsic_call_in_the_corpus_parses(String call) {
        assertThat(IntrinsicExpression.parse(call).text()).isEqualTo(call);
    }

    /** Parameters as the interpreter builds them: {@code .$} fields evaluated, the rest copied. */
    private static JsonNode evaluate(JsonNode template, DataScope scope) {
        if (template.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> out.add(evaluate(item, scope)));
            return out;
        }
        if (!template.isObject()) {
            return template;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.endsWith(".$")) {
                String text = field.getValue().asText();
                JsonNode value = IntrinsicExpression.isIntrinsic(text)
                        ? IntrinsicExpression.parse(text).evaluate(scope, new Random(7))
                        : ReferencePath.compile(text).read(scope);
                out.set(name.substring(0, name.length() - 2), value);
            } else {
                out.set(name, evaluate(field.getValue(), scope));
            }
        }
        return out;
    }
}
