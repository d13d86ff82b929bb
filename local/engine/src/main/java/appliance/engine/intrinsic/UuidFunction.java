package appliance.engine.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** {@code States.UUID()}: a version 4 UUID whose random bits come from the injected generator. */
final class UuidFunction implements IntrinsicFunction {

    private static final Signature SIGNATURE = Signature.of("States.UUID");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public JsonNode apply(List<JsonNode> arguments, RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return TextNode.valueOf(new UUID(buffer.getLong(), buffer.getLong()).toString());
    }
}
