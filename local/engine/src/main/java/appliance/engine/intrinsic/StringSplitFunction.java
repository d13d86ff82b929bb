package appliance.engine.intrinsic;

import static appliance.engine.intrinsic.ArgumentType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.StringTokenizer;
import java.util.random.RandomGenerator;

/**
 * {@code States.StringSplit(text, delimiters)}: every character of the second argument is a delimiter
 * and empty pieces are dropped; the corpus records {@code ", , ,"} split on {@code ","} as
 * {@code [" ", " "]} and {@code "This.is+a,test=string"} on {@code ".+,="} as five words.
 */
final class StringSplitFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.StringSplit", STRING, STRING);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        ArrayNode pieces = JsonNodeFactory.instance.arrayNode();
        StringTokenizer tokens = new StringTokenizer(arguments.get(0).textValue(), arguments.get(1).textValue());
        while (tokens.hasMoreTokens()) {
            pieces.add(tokens.nextToken());
        }
        return pieces;
    }
}
