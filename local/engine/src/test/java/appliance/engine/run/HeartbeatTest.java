package appliance.engine.run;

import static appliance.engine.run.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final String TASK = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "TimeoutSeconds":100,"HeartbeatSeconds":10,"End":true}}}""";

    private final Harness harness = new Harness();

    @Test
    void a_task_without_heartbeats_fails_with_heartbeat_timeout_after_heartbeat_seconds() {
        harness.tasks(r -> new CompletableFuture<>());
        var ended = harness.run(TASK, "{}");
        assertThat(ended.result().error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(ended.history().get(ended.history().size() - 2).details().get("error").asText())
                .isEqualTo("States.HeartbeatTimeout");
        assertThat(Duration.between(Harness.START, ended.history().get(ended.history().size() - 1).timestamp()))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void heartbeats_keep_a_long_task_alive_until_it_answers() {
        harness.tasks(request -> {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            for (int second = 8; second <= 40; second += 8) {
                harness.scheduler.schedule(Duration.ofSeconds(second), request.heartbeat());
            }
            harness.scheduler.schedule(Duration.ofSeconds(45), () -> answer.complete(json("{\"done\":true}")));
            return answer;
        });
        var ended = harness.run(TASK, "{}");
        assertThat(ended.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo(json("{\"done\":true}"));
    }

    @Test
    void the_task_token_is_in_the_context_for_callback_tasks() {
        harness.tasks(r -> CompletableFuture.completedFuture(r.context().path("Task").path("Token")));
        var ended = harness.run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters":{"token.$":"$$.Task.Token"},"End":true}}}""", "{}");
        assertThat(ended.output().asText()).hasSize(36);
        assertThat(harness.calls.get(0).parameters().get("token")).isEqualTo(ended.output());
    }
}
