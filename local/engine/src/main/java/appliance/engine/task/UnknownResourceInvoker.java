package appliance.engine.task;

import appliance.engine.error.ErrorNames;
import appliance.engine.error.StatesFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The last invoker in a chain: a resource nobody handles fails the task, naming the resource. */
public final class UnknownResourceInvoker implements TaskInvoker {

    /** How the cause of such a failure begins, for callers that add a hint of their own. */
    public static final String NO_HANDLER = "The local engine has no handler for the resource '";

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        return CompletableFuture.failedFuture(new StatesFailure(ErrorNames.RUNTIME,
                NO_HANDLER + request.resource() + "' (state '"
                        + request.stateName() + "')"));
    }
}
