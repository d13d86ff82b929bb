package appliance.runtime.app;

import appliance.engine.error.StatesFailure;
import appliance.engine.task.lambda.LambdaFunction;
import appliance.engine.task.lambda.LambdaFunctionError;
import appliance.runtime.cost.ExecutionUsage;
import appliance.runtime.lambda.LambdaInvocationResult;
import appliance.runtime.lambda.LambdaInvoker;
import appliance.runtime.lambda.LambdaServiceException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The template's functions as the engine calls them: each call runs the function in-process (on its own
 * execution environment, while the engine's thread waits) and is metered for the execution it serves.
 * A handler that raised becomes a {@link LambdaFunctionError}; a call Lambda refused (throttling, an
 * unknown function) becomes the States error Step Functions reports for it.
 */
final class InProcessFunctions implements Function<String, LambdaFunction> {

    private final LambdaInvoker lambdas;
    private final java.util.function.Predicate<String> exists;
    private final ActivityLedger ledger;

    InProcessFunctions(LambdaInvoker lambdas, java.util.function.Predicate<String> exists, ActivityLedger ledger) {
        this.lambdas = lambdas;
        this.exists = exists;
        this.ledger = ledger;
    }

    @Override
    public LambdaFunction apply(String functionName) {
        if (!exists.test(functionName)) {
            return null;
        }
        return event -> {
            try {
                LambdaInvocationResult result = lambdas.invoke(functionName, event);
                ExecutionActivity activity = ledger.current();
                if (activity != null) {
                    activity.lambdaInvoked(new ExecutionUsage.LambdaInvocation(
                            result.billedDurationMs(), result.memorySizeMb(), result.architecture()));
                }
                if (result.succeeded()) {
                    return CompletableFuture.completedFuture(result.payloadJson());
                }
                return CompletableFuture.failedFuture(
                        new LambdaFunctionError(result.error().errorType(), result.payload()));
            } catch (LambdaServiceException refused) {
                return CompletableFuture.failedFuture(
                        new StatesFailure(refused.stepFunctionsError(), refused.stepFunctionsCause()));
            }
        };
    }
}
