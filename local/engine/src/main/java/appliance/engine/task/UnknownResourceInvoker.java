package appliance.engine.task;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The last invoker in a chain: a resource nobody handles fails the task, naming the resource. */
public final class UnknownResourceInvoker implements TaskInvoker {

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        return CompletableFuture.failedFuture(new StatesFailure(ErrorNames.RUNTIME,
                "The local engine has no handler for the resource '" + request.resource() + "' (state '"
                        + request.stateName() + "')"));
    }
}
