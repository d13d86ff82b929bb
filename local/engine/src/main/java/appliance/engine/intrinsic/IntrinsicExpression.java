package appliance.engine.intrinsic;

import appliance.engine.path.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * TEMP stand-in so the engine compiles before the {@code expressions} branch is merged: the real class
 * (a parser and every intrinsic function) replaces this file. It supports nothing and says so.
 */
public final class IntrinsicExpression {

    private IntrinsicExpression() {
    }

    public static boolean isIntrinsic(String text) {
        return text != null && text.startsWith("States.");
    }

    public static IntrinsicExpression parse(String text) {
        throw new UnsupportedOperationException("TEMP stand-in: intrinsic functions are not on this branch: " + text);
    }

    public JsonNode evaluate(DataScope scope, RandomGenerator random) {
        throw new UnsupportedOperationException("TEMP stand-in: intrinsic functions are not on this branch");
    }
}
