package appliance.runtime.app;

import appliance.runtime.cost.ExecutionUsage;
import appliance.runtime.lambda.LambdaInvocationLog;
import appliance.runtime.sns.SnsDelivery;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened outside the state machine during one execution: the Lambda invocations (with their
 * logs) and the SNS publishes (with their deliveries). The report and the cost estimate are made from it.
 * Filled from the threads that run the execution's tasks, read once the execution has ended.
 */
public final class ExecutionActivity {

    private final List<ExecutionUsage.LambdaInvocation> lambdaInvocations = new ArrayList<>();
    private final List<LambdaInvocationLog> lambdaLogs = new ArrayList<>();
    private final List<ExecutionUsage.SnsPublish> snsPublishes = new ArrayList<>();
    private final List<SnsDelivery> deliveries = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private final List<FunctionResult> functionResults = new ArrayList<>();

    /** What a function an SNS delivery invoked returned (its response, or its error document). */
    public record FunctionResult(String functionName, String payload) {
    }

    /** A message published to a topic, whether or not any subscription took it. */
    public record Published(String topicArn, String messageId, String subject, String message, int deliveries) {
    }

    synchronized void lambdaInvoked(ExecutionUsage.LambdaInvocation invocation) {
        lambdaInvocations.add(invocation);
    }

    synchronized void lambdaReturned(FunctionResult result) {
        functionResults.add(result);
    }

    public synchronized List<FunctionResult> functionResults() {
        return List.copyOf(functionResults);
    }

    synchronized void lambdaLogged(LambdaInvocationLog log) {
        lambdaLogs.add(log);
    }

    synchronized void snsPublished(ExecutionUsage.SnsPublish publish, Published message, List<SnsDelivery> delivered) {
        snsPublishes.add(publish);
        published.add(message);
        deliveries.addAll(delivered);
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    /** Adds what happened before the execution started on its behalf (the SNS delivery that started it). */
    void absorb(ExecutionActivity before) {
        List<ExecutionUsage.LambdaInvocation> invocations = before.lambdaInvocations();
        List<LambdaInvocationLog> logs = before.lambdaLogs();
        List<ExecutionUsage.SnsPublish> publishes = before.snsPublishes();
        List<SnsDelivery> delivered = before.deliveries();
        List<Published> messages = before.published();
        synchronized (this) {
            published.addAll(0, messages);
            lambdaInvocations.addAll(0, invocations);
            lambdaLogs.addAll(0, logs);
            snsPublishes.addAll(0, publishes);
            deliveries.addAll(0, delivered);
        }
    }

    public synchronized List<ExecutionUsage.LambdaInvocation> lambdaInvocations() {
        return List.copyOf(lambdaInvocations);
    }

    public synchronized List<LambdaInvocationLog> lambdaLogs() {
        return List.copyOf(lambdaLogs);
    }

    public synchronized List<ExecutionUsage.SnsPublish> snsPublishes() {
        return List.copyOf(snsPublishes);
    }

    public synchronized List<SnsDelivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
