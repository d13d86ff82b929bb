package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.ANY;
import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code States.Format(template, values...)}: each {@code {}} in the template takes the next value.
 * {@code \{}, {@code \}}, {@code \'} and {@code \\} stand for the character itself.
 */
final class FormatFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.variadic("States.Format", 1, STRING, ANY);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean wantsEscapedSource(int index) {
        return index == 0;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        String template = arguments.get(0).textValue();
        List<JsonNode> values = arguments.subList(1, arguments.size());
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length() && "{}'\\".indexOf(template.charAt(i + 1)) >= 0) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (used == values.size()) {
                    throw mismatch(template, values.size());
                }
                out.append(JsonValues.formatText(values.get(used++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (used != values.size()) {
            throw mismatch(template, values.size());
        }
        return TextNode.valueOf(out.toString());
    }

    private static RuntimeException mismatch(String template, int values) {
        return IntrinsicFailures.of(SIGNATURE.name(), "the number of arguments (" + values
                + ") does not match the number of placeholders '{}' in the template '" + template + "'");
    }
}
