package appliance.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Everything a Task state can call, behind one interface: in-process Lambdas, mocks, local SNS, SDK
 * integrations. The result is asynchronous so a task in flight holds no engine thread. A task fails by
 * completing exceptionally with a {@link appliance.engine.error.StatesFailure} (its error and cause);
 * any other exception is reported as {@code States.TaskFailed} with the exception's message.
 */
@FunctionalInterface
public interface TaskInvoker {

    CompletionStage<JsonNode> invoke(TaskRequest request);

    /**
     * Whether the task can be scheduled at all, asked before it is (and before anything is called): an
     * activity ARN that names no activity cannot, and the history then shows {@code ActivityScheduleFailed}
     * in place of {@code ActivityScheduled}. An invoker that wraps another passes the question on.
     *
     * @return null when it can be scheduled, else why not
     */
    default TaskScheduleFailure refusal(TaskRequest request) {
        return null;
    }
}
