package appliance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import appliance.engine.error.StatesFailure;
import appliance.engine.history.ExecutionListener;
import appliance.engine.history.HistoryEvent;
import appliance.engine.run.ExecutionResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** What the server's owner does in the same JVM: register machines with their own tasks, start, listen. */
class InProcessUseTest {

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_registered_machine_calls_its_own_tasks_not_the_servers() throws Exception {
        String arn = fixture.server.registerStateMachine("Wired", ServerFixture.task("arn:aws:lambda:x"), "STANDARD",
                request -> CompletableFuture.failedFuture(new StatesFailure("Wired.Called", "by the machine's invoker")));

        String execution = fixture.sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
        fixture.awaitFinished(execution);

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Wired");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(execution)).error()).isEqualTo("Wired.Called");
    }

    @Test
    void registering_again_replaces_the_definition() {
        fixture.server.registerStateMachine("Twice", ServerFixture.pass("1"), "STANDARD", fixture.tasks);
        String arn = fixture.server.registerStateMachine("Twice", ServerFixture.pass("2"), "STANDARD", fixture.tasks);

        assertThat(fixture.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition())
                .isEqualTo(ServerFixture.pass("2"));
        assertThatThrownBy(() -> fixture.server.registerStateMachine("Bad", "{}", "STANDARD", fixture.tasks))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Invalid State Machine Definition");
    }

    @Test
    void an_execution_started_in_process_is_listed_and_heard_by_listeners() throws Exception {
        String machine = fixture.createMachine("Heard", ServerFixture.pass("{\"ok\":true}"));
        List<String> types = new CopyOnWriteArrayList<>();
        CompletableFuture<ExecutionResult> finished = new CompletableFuture<>();
        fixture.server.addListener(new ExecutionListener() {
            @Override
            public void onEvent(String executionArn, HistoryEvent event) {
                types.add(event.type());
            }

            @Override
            public void onFinished(String executionArn, ExecutionResult result) {
                finished.complete(result);
            }
        });

        String arn = fixture.server.startExecution(machine, "inside", "{\"a\":1}");
        ExecutionResult result = finished.get(10, TimeUnit.SECONDS);
        fixture.awaitFinished(arn);

        assertThat(result.output().toString()).isEqualTo("{\"ok\":true}");
        assertThat(types).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(fixture.sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
