package appliance.runtime.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.run.ExecutionResult;
import appliance.engine.run.ExecutionStatus;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.engine.time.VirtualTimeScheduler;
import appliance.runtime.hybrid.StubAwsEndpoint.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A workflow on the engine whose Lambda and SNS tasks both go to stub endpoints through the SDK clients:
 * a throttled Invoke is retried by the state's own Retry (in virtual time), then the classification is
 * published.
 */
class HybridWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:CookNotifications";
    private static final String DEFINITION = """
            {"StartAt": "Classify",
             "States": {
               "Classify": {"Type": "Task",
                 "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ClassifyCookFunction",
                 "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 1}],
                 "ResultPath": "$.classification", "Next": "Notify"},
               "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                 "Parameters": {"TopicArn": "%s", "Message.$": "$.classification", "Subject": "Cook complete"},
                 "ResultSelector": {"MessageId.$": "$.MessageId"},
                 "End": true}}}
            """.formatted(TOPIC);

    @Test
    void a_throttled_invoke_is_retried_by_the_states_retry_and_its_result_is_published() throws Exception {
        AtomicInteger invokes = new AtomicInteger();
        try (StubAwsEndpoint lambda = StubAwsEndpoint.answering(request -> invokes.incrementAndGet() == 1
                        ? new Answer(429, Map.of("x-amzn-ErrorType", "TooManyRequestsException", "x-amzn-RequestId", "r-1"),
                                "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
                                        + "\"message\":\"Rate Exceeded.\"}")
                        : new Answer(200, Map.of(), "{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}"));
                StubAwsEndpoint sns = StubAwsEndpoint.answering(request -> new Answer(200,
                        Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "r-2"), """
                        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>m-1</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata>
                        </PublishResponse>"""));
                RemoteLambdaFunctions functions = RemoteLambdaFunctions.forEndpoint(lambda.url(), Map.of());
                RemoteSnsPublisher publisher = RemoteSnsPublisher.forEndpoint(sns.url(), Map.of(),
                        new UnknownResourceInvoker(), published -> { })) {
            VirtualTimeScheduler scheduler = new VirtualTimeScheduler(Instant.parse("2026-11-28T10:00:00Z"));
            Engine engine = new Engine(scheduler, new LambdaTaskInvoker(functions, publisher, new SplittableRandom(7),
                    scheduler::now), new SplittableRandom(7));

            Execution execution = engine.start(StateMachineDefinition.compile(JSON.readTree(DEFINITION)),
                    JSON.readTree("{\"applianceId\":\"mw-1\",\"event\":\"COOK_COMPLETE\"}"),
                    ExecutionIdentity.local("CookWorkflow", "hybrid-1"), null);
            scheduler.runUntilIdle();
            ExecutionResult result = execution.result().toCompletableFuture().getNow(null);

            assertThat(result).isNotNull();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(JSON.readTree("{\"MessageId\":\"m-1\"}"));
            assertThat(lambda.received()).hasSize(2);
            JsonNode published = JSON.readTree(sns.onlyRequest().form().get("Message"));
            assertThat(published).isEqualTo(JSON.readTree("{\"outcome\":\"NOTIFY\",\"message\":\"Your food is ready\"}"));
        }
    }
}
