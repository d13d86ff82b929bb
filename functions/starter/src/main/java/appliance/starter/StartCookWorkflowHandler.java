package appliance.starter;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point for the legacy SNS ingest topic (the seed's trigger): starts one execution of the
 * cook workflow per SNS record, named after the record's MessageId. SNS delivers at least once; a
 * redelivered message finds its execution already there and starts nothing new.
 *
 * <p>With SnapStart, the handler primes the SDK before the snapshot is taken (a CRaC {@code beforeCheckpoint}
 * hook), so a restored environment starts its first execution as fast as a warm one.
 */
public final class StartCookWorkflowHandler implements RequestHandler<SNSEvent, List<StartedExecution>>, Resource {

    static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";

    private static final Logger LOG = LoggerFactory.getLogger(StartCookWorkflowHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient stepFunctions;
    private final String stateMachineArn;

    /** Used by Lambda: the client is built once per execution environment, during init (and so by SnapStart). */
    public StartCookWorkflowHandler() {
        this(SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), requiredEnvironment(STATE_MACHINE_ARN));
        // The global context keeps the handler, which Lambda keeps for the environment's life.
        Core.getGlobalContext().register(this);
    }

    public StartCookWorkflowHandler(SfnClient stepFunctions, String stateMachineArn) {
        this.stepFunctions = stepFunctions;
        this.stateMachineArn = stateMachineArn;
    }

    /** SnapStart is about to snapshot this environment: prime the SDK's request path (no network call). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        new SfnClientPriming().prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the client's credentials and connections are made on first use after restore.
    }

    private static String requiredEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The environment variable " + name + " is not set; the template sets it"
                    + " to the cook workflow's state machine ARN");
        }
        return value;
    }

    @Override
    public List<StartedExecution> handleRequest(SNSEvent event, Context context) {
        if (event == null || event.getRecords() == null) {
            throw new IllegalArgumentException("The event is not an SNS event: it has no Records");
        }
        return PowertoolsLogging.withLogging(context, () -> {
            List<StartedExecution> started = new ArrayList<>();
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                started.add(start(record));
            }
            return started;
        });
    }

    private StartedExecution start(SNSEvent.SNSRecord record) {
        SNSEvent.SNS sns = record.getSNS();
        if (sns == null) {
            throw new IllegalArgumentException("An SNS record has no Sns object");
        }
        String name = ExecutionNames.forMessage(sns.getMessageId());
        try {
            StartExecutionResponse response = stepFunctions.startExecution(request -> request
                    .stateMachineArn(stateMachineArn)
                    .name(name)
                    .input(executionInput(record)));
            LOG.info("Started execution", entry("execution_arn", response.executionArn()),
                    entry("sns_message_id", sns.getMessageId()), entry("topic_arn", sns.getTopicArn()));
            return new StartedExecution(sns.getMessageId(), response.executionArn(), false);
        } catch (ExecutionAlreadyExistsException redelivered) {
            // The same message was delivered before and its execution has finished (a running one is
            // returned as a success by StartExecution itself): that execution already handled this cook.
            String arn = ExecutionNames.executionArn(stateMachineArn, name);
            LOG.info("SNS message delivered again; its execution already handled it", entry("execution_arn", arn),
                    entry("sns_message_id", sns.getMessageId()), entry("topic_arn", sns.getTopicArn()));
            return new StartedExecution(sns.getMessageId(), arn, true);
        }
    }

    /**
     * The cook event itself when the message is JSON. A message that is not JSON still starts an
     * execution, with the record in the seed's envelope as input, so the workflow rejects it with a
     * clear error and a record of it, instead of the message being lost here.
     */
    static String executionInput(SNSEvent.SNSRecord record) {
        String message = record.getSNS().getMessage();
        if (message != null) {
            try {
                if (!JSON.readTree(message).isMissingNode()) {
                    return message;
                }
            } catch (JsonProcessingException notJson) {
                // falls through to the envelope
            }
        }
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode records = envelope.putArray("Records");
        ObjectNode sns = records.addObject().putObject("Sns");
        sns.put("MessageId", record.getSNS().getMessageId());
        sns.put("TopicArn", record.getSNS().getTopicArn());
        sns.put("Message", message);
        return envelope.toString();
    }
}
