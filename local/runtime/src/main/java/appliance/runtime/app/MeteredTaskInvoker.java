package appliance.runtime.app;

import appliance.engine.task.TaskInvoker;
import appliance.engine.task.TaskRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/** Marks the thread with the task's execution while the task is called, so what it uses is counted there. */
final class MeteredTaskInvoker implements TaskInvoker {

    private final ActivityLedger ledger;
    private final TaskInvoker delegate;

    MeteredTaskInvoker(ActivityLedger ledger, TaskInvoker delegate) {
        this.ledger = ledger;
        this.delegate = delegate;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        return ledger.during(request.executionArn(), () -> delegate.invoke(request));
    }
}
