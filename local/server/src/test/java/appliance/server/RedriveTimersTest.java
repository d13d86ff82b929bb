package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A redriven execution's task gets its TimeoutSeconds again from the redrive: redriven an hour after it
 * failed (the server's clock put forward, nobody waits), the task called again does not time out at once.
 */
class RedriveTimersTest {

    private static final String TIMED_TASK = "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\","
            + "\"Resource\":\"" + ControllableTasks.HOLD + "\",\"TimeoutSeconds\":30,\"End\":true}}}";

    @Test
    void a_task_called_again_by_a_redrive_an_hour_later_has_its_timeout_from_the_redrive() throws Exception {
        MovableClock clock = new MovableClock();
        try (ServerFixture fixture = new ServerFixture(clock)) {
            String machine = fixture.createMachine("Timed", TIMED_TASK);
            String arn = fixture.sfn.startExecution(r -> r.stateMachineArn(machine).name("late")).executionArn();
            fixture.tasks.nextHeld().completeExceptionally(new StatesFailure("Flaky.Error", "not this time"));
            assertThat(fixture.awaitFinished(arn)).isEqualTo("FAILED");

            clock.forward(Duration.ofHours(1));
            fixture.sfn.redriveExecution(r -> r.executionArn(arn));
            // On the first run's clock the task's 30 s were long gone: it would time out before this answer.
            fixture.tasks.nextHeld().complete(JsonNodeFactory.instance.objectNode().put("done", true));

            assertThat(fixture.awaitFinished(arn)).isEqualTo("SUCCEEDED");
            List<String> types = fixture.sfn.getExecutionHistory(r -> r.executionArn(arn)).events().stream()
                    .map(HistoryEvent::typeAsString).toList();
            assertThat(types).doesNotContain("LambdaFunctionTimedOut").endsWith("LambdaFunctionSucceeded",
                    "TaskStateExited", "ExecutionSucceeded");
        }
    }
}
