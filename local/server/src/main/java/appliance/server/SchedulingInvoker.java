package appliance.server;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * A task invoker that can say at once, without calling anything, that a task cannot be scheduled (an
 * activity ARN that names no activity). Asked before the events ahead of the call are made durable, so
 * the engine hears the refusal as it calls and records ActivityScheduleFailed in place of
 * ActivityScheduled, as AWS does.
 */
interface SchedulingInvoker extends TaskInvoker {

    /** A failed answer (a {@code TaskScheduleFailure}) when the task cannot be scheduled; null when it can. */
    CompletionStage<JsonNode> refusal(TaskRequest request);
}
