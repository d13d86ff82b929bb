package appliance.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What an execution makes of task invokers that do not keep to the contract. */
class TaskInvokerContractTest {

    private static final String TASK = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""";

    @Test
    void an_invoker_that_throws_fails_the_task_with_task_failed_and_its_message() {
        var ended = new Harness().tasks(r -> {
            throw new IllegalStateException("topic is gone");
        }).run(TASK, "{}");
        assertThat(ended.result().error()).isEqualTo("States.TaskFailed");
        assertThat(ended.result().cause()).isEqualTo("topic is gone");
        assertThat(ended.types()).contains("TaskFailed");
    }

    @Test
    void an_answer_that_fails_with_another_exception_is_task_failed_too() {
        var ended = new Harness().tasks(r -> CompletableFuture.failedFuture(new java.io.UncheckedIOException(
                new java.io.IOException("connection reset")))).run(TASK, "{}");
        assertThat(ended.result().error()).isEqualTo("States.TaskFailed");
        assertThat(ended.result().cause()).contains("connection reset");
    }

    @Test
    void an_invoker_that_gives_no_answer_fails_the_execution_naming_the_resource() {
        var ended = new Harness().tasks(r -> null).run(TASK, "{}");
        assertThat(ended.result().error()).isEqualTo("States.Runtime");
        assertThat(ended.result().cause()).contains("arn:aws:states:::sns:publish");
    }
}
