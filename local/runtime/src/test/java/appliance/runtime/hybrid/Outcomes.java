package appliance.runtime.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Reading a task's outcome, and an address nothing listens on. */
final class Outcomes {

    private Outcomes() {
    }

    static JsonNode result(CompletionStage<JsonNode> outcome) {
        return outcome.toCompletableFuture().join();
    }

    /** What the outcome failed with; fails the test when it succeeded. */
    static Throwable failure(CompletionStage<JsonNode> outcome) {
        try {
            JsonNode result = outcome.toCompletableFuture().join();
            throw new AssertionError("expected a failure, got " + result);
        } catch (CompletionException failed) {
            return failed.getCause();
        }
    }

    /** A port that was just free and is closed again: connecting to it is refused. */
    static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
