package appliance.runtime.app;

import appliance.engine.definition.StateMachineDefinition;
import appliance.engine.error.InvalidDefinitionException;
import appliance.engine.history.ExecutionListener;
import appliance.engine.maprun.ObjectStore;
import appliance.engine.run.Engine;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionIdentity;
import appliance.engine.task.TaskInvoker;
import appliance.engine.task.UnknownResourceInvoker;
import appliance.engine.task.lambda.LambdaTaskInvoker;
import appliance.engine.time.FastForwardScheduler;
import appliance.runtime.cost.AwsPrices;
import appliance.runtime.cost.CostEstimator;
import appliance.runtime.cost.ExecutionUsage;
import appliance.runtime.events.EventEnvironment;
import appliance.runtime.events.EventRouter;
import appliance.runtime.events.EventRules;
import appliance.runtime.events.PutEventsFile;
import appliance.engine.task.lambda.LambdaFunction;
import appliance.runtime.hybrid.RemoteLambdaFunctions;
import appliance.runtime.hybrid.RemoteSnsPublisher;
import appliance.runtime.hybrid.ServiceIntegrations;
import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaInvocationResult;
import appliance.runtime.lambda.LambdaRuntimeOptions;
import appliance.runtime.lambda.LambdaServiceException;
import appliance.runtime.lambda.LocalLambdaRuntime;
import appliance.runtime.sns.LocalSns;
import appliance.runtime.sns.SnsDelivery;
import appliance.runtime.sns.SnsException;
import appliance.runtime.sns.SnsMessageAttribute;
import appliance.runtime.sns.SnsPublishRequest;
import appliance.runtime.sns.SnsSubscription;
import appliance.runtime.sns.SubscriptionFilterPolicy;
import appliance.runtime.template.FunctionResource;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import appliance.runtime.template.TemplateException;
import appliance.runtime.template.TopicResource;
import appliance.runtime.template.TopicSubscription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The application of a SAM template, running on this machine: its functions in-process, its SNS topics
 * and subscriptions, its state machines on the local engine, wired as on AWS (a state machine's Lambda
 * tasks call the template's functions, its sns:publish tasks the template's topics, a topic's Lambda
 * subscriptions their functions). Time runs fast-forward: a Wait or a retry interval costs nothing.
 */
public final class LocalApplication implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamTemplate template;
    private final LocalOptions options;
    private final FastForwardScheduler scheduler;
    private final LocalLambdaRuntime lambdas;
    private final LocalSns sns;
    /** Replaced once by {@link #useObjectStore}, before executions start. */
    private volatile Engine engine;
    private volatile ObjectStore objects = ObjectStore.NONE;
    private final ActivityLedger ledger = new ActivityLedger();
    private final Map<String, StateMachineDefinition> definitions = new HashMap<>();
    private final Map<String, Integer> definitionSizes = new HashMap<>();
    private final List<Execution> executions = new CopyOnWriteArrayList<>();
    private final Map<String, Started> executionsByArn = new HashMap<>();

    /** An execution and the input it was started with: StartExecution's idempotence compares inputs. */
    private record Started(Execution execution, JsonNode input) {
    }
    private final CostEstimator costs = new CostEstimator(AwsPrices.load());
    private EventRouter events;
    private volatile ExecutionActivity lastSnsIngest = new ExecutionActivity();
    private final RemoteLambdaFunctions remoteLambda;
    private final RemoteSnsPublisher remoteSns;
    private final ServiceIntegrations serviceTasks;
    private final TaskInvoker tasks;

    private LocalApplication(SamTemplate template, LocalOptions options) {
        this.template = template;
        this.options = options;
        this.scheduler = new FastForwardScheduler(options.clock());
        this.lambdas = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults().withIsolation(options.isolation()).withLogSink(log -> {
            ExecutionActivity activity = ledger.current();
            if (activity != null) {
                activity.lambdaLogged(log);
            }
            options.logSink().write(log);
        }));
        this.sns = new LocalSns(this::deliverToLambda, options.clock(), () -> UUID.randomUUID().toString());
        // Hybrid mode, as Step Functions Local's LAMBDA_ENDPOINT and SNS_ENDPOINT: those calls go out through
        // the AWS SDK; everything else stays on this machine.
        // The other integrations (SQS, DynamoDB, ..., aws-sdk:*) at the endpoints configured for them.
        this.serviceTasks = new ServiceIntegrations(options.services(), new UnknownResourceInvoker());
        this.remoteLambda = options.endpoints().lambdaEndpoint().map(RemoteLambdaFunctions::forEndpoint).orElse(null);
        this.remoteSns = options.endpoints().snsEndpoint()
                .map(url -> RemoteSnsPublisher.forEndpoint(url, serviceTasks)).orElse(null);
        Function<String, LambdaFunction> functions = remoteLambda != null ? remoteLambda
                : new InProcessFunctions(lambdas, this::invocationName, ledger);
        TaskInvoker snsTasks = remoteSns != null ? remoteSns : new SnsPublishInvoker(sns, ledger, serviceTasks);
        this.tasks = new MeteredTaskInvoker(ledger, new LambdaTaskInvoker(functions, snsTasks, options.random(), scheduler::now));
        this.engine = new Engine(scheduler, tasks, options.random());
    }

    /**
     * Builds the application of the template: every function, topic, subscription and state machine.
     *
     * @throws TemplateException naming the resource when a part of the template cannot run here
     */
    public static LocalApplication start(SamTemplate template, LocalOptions options) {
        LocalApplication application = new LocalApplication(template, options);
        try {
            application.deployFunctions();
            application.deployTopics();
            application.deployStateMachines();
            application.events = new EventRouter(EventRules.fromTemplate(template),
                    new EventEnvironment(template.settings().accountId(), template.settings().region(),
                            options.clock(), EventEnvironment::randomId));
            return application;
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }

    private void deployFunctions() {
        for (FunctionResource function : template.functions()) {
            LambdaFunctionConfig config = FunctionConfigs.of(template, function);
            Map<String, String> environment = new LinkedHashMap<>(config.environment());
            // Such as AWS_ENDPOINT_URL_SFN: a function's SfnClient (the starter's) reaches the local endpoint
            // that the command put in front of this application, as it reaches Step Functions on AWS.
            environment.putAll(options.functionEnvironment());
            lambdas.register(new LambdaFunctionConfig(config.logicalId(), config.functionName(), config.handler(),
                    config.classpath(), config.memoryMb(), config.timeoutSeconds(), environment,
                    config.reservedConcurrency(), config.architecture(), config.runtime(), config.version()));
        }
    }

    private void deployTopics() {
        for (TopicResource topic : template.topics()) {
            sns.createTopic(topic.arn());
        }
        for (TopicSubscription subscription : template.subscriptions()) {
            sns.subscribe(new SnsSubscription(subscription.id(), subscription.topicArn(), subscription.protocol(),
                    subscription.endpoint(), SubscriptionFilterPolicy.of(subscription), subscription.rawMessageDelivery()));
        }
    }

    private void deployStateMachines() {
        for (StateMachineResource machine : template.stateMachines()) {
            String where = "Resource " + machine.logicalId() + machine.definitionFile().map(file -> " (" + file + ")").orElse("");
            try {
                definitions.put(machine.arn(), StateMachineDefinition.compile(JSON.readTree(machine.definition())));
                definitionSizes.put(machine.arn(), machine.definition().getBytes(StandardCharsets.UTF_8).length);
            } catch (JsonProcessingException e) {
                throw new TemplateException(where + ": the definition is not valid JSON: " + e.getOriginalMessage());
            } catch (InvalidDefinitionException e) {
                throw new TemplateException(where + ": " + e.getMessage());
            }
        }
    }

    /**
     * How a task reaches a function of the template: through its alias when it has one (SAM's
     * AutoPublishAlias, which the template's state machines call), so the function runs as version 1.
     */
    private String invocationName(String functionName) {
        return lambdas.registry().functions().stream()
                .filter(config -> config.functionName().equals(functionName))
                .findFirst()
                .map(config -> config.hasAlias() ? functionName + ":" + config.version() : functionName)
                .orElse(null);
    }

    /** SNS delivers to a subscribed function asynchronously; its failure is recorded on the delivery. */
    private String deliverToLambda(String functionArn, JsonNode event) {
        try {
            LambdaInvocationResult result = lambdas.invoke(functionArn, event);
            ExecutionActivity activity = ledger.current();
            if (activity != null) {
                activity.lambdaInvoked(new ExecutionUsage.LambdaInvocation(
                        result.billedDurationMs(), result.memorySizeMb(), result.architecture()));
                activity.lambdaReturned(new ExecutionActivity.FunctionResult(result.functionName(), result.payload()));
            }
            return result.succeeded() ? null : result.error().errorType() + ": " + result.error().errorMessage();
        } catch (LambdaServiceException refused) {
            return refused.errorCode() + ": " + refused.getMessage();
        }
    }

    /**
     * SNS's Publish as a function's own SnsClient sends it to the local endpoint: the template's topics deliver it to
     * their subscriptions, and it counts, with its deliveries, towards the execution whose call is in progress (the
     * one whose function published), as an sns:publish task's does.
     *
     * @throws SnsException as SNS refuses the request
     */
    public LocalSns.PublishResult publishFromFunction(SnsPublishRequest request) {
        ExecutionActivity caller = ledger.inProgress();
        // The subscribers it invokes count towards the same execution as the publish.
        LocalSns.PublishResult result = ledger.during(caller, () -> sns.publish(request));
        if (caller != null) {
            caller.snsPublished(new ExecutionUsage.SnsPublish(request.message().getBytes(StandardCharsets.UTF_8).length,
                            result.deliveries().stream().map(SnsDelivery::protocol).toList()),
                    new ExecutionActivity.Published(request.topicArn(), result.messageId(), request.subject(),
                            request.message(), result.deliveries().size()),
                    result.deliveries());
        }
        return result;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalSns sns() {
        return sns;
    }

    public LocalLambdaRuntime lambdas() {
        return lambdas;
    }

    /**
     * Starts an execution of one of the template's state machines; it runs during {@link #runUntilIdle}.
     *
     * @throws IllegalArgumentException for a state machine the template does not have
     * @throws ExecutionAlreadyExistsException for the name of an ended execution, or of a running one
     *     with another input (the running one with the same input is returned, as StartExecution does)
     */
    public Execution startExecution(String stateMachineArn, String name, JsonNode input, ExecutionListener listener) {
        StateMachineDefinition definition = definitions.get(stateMachineArn);
        if (definition == null) {
            throw new IllegalArgumentException("State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        StateMachineResource machine = template.stateMachineByArn(stateMachineArn).orElseThrow();
        ExecutionIdentity identity = ExecutionIdentity.in(template.settings().region(), template.settings().accountId(),
                machine.name(), name);
        return start(definition, identity, input, listener, engine);
    }

    /**
     * Where DISTRIBUTED Maps' ItemReader and ResultWriter find S3 (a folder of buckets, an S3 endpoint);
     * without one they fail saying none is configured. Set it before the first execution starts.
     */
    public void useObjectStore(ObjectStore store) {
        this.objects = store;
        this.engine = engine.withObjectStore(store);
    }

    /**
     * Starts the execution a Step Functions server in front of this application was asked for (a function's
     * SfnClient, a states:startExecution task): named as the server named it, its Task states calling
     * {@code tasks} (this application's {@link #taskInvoker()}, or a test case's partial mocks over them).
     * It runs during {@link #runUntilIdle}, and is reported like any other.
     *
     * @return the execution; null when the state machine is not one of the template's
     * @throws ExecutionAlreadyExistsException as {@link #startExecution(String, String, JsonNode, ExecutionListener)}
     */
    public Execution startExecution(ExecutionIdentity identity, JsonNode input, TaskInvoker tasks) {
        StateMachineDefinition definition = definitions.get(identity.stateMachineArn());
        if (definition == null) {
            return null;
        }
        return start(definition, identity, input, null, tasks == this.tasks ? engine
                : new Engine(scheduler, tasks, options.random()).withObjectStore(objects));
    }

    private Execution start(StateMachineDefinition definition, ExecutionIdentity identity, JsonNode input,
            ExecutionListener listener, Engine on) {
        synchronized (executionsByArn) {
            Started earlier = executionsByArn.get(identity.executionArn());
            if (earlier != null) {
                boolean running = !earlier.execution().result().toCompletableFuture().isDone();
                if (running && earlier.input().equals(input)) {
                    return earlier.execution();
                }
                throw new ExecutionAlreadyExistsException(identity.executionArn());
            }
            ledger.of(identity.executionArn());
            Execution execution = on.start(definition, input, identity, listener);
            executionsByArn.put(identity.executionArn(), new Started(execution, input));
            executions.add(execution);
            return execution;
        }
    }

    /**
     * Puts an event on the default bus, as it is (an EventBridge envelope): every rule of the template
     * that matches it delivers it to its targets, state machines and functions.
     *
     * @return the executions the event started
     */
    public List<Execution> putEvent(ObjectNode event) {
        return deliver(events.routeEvent(event, "default"));
    }

    /**
     * PutEvents: each valid entry is put on its bus and delivered to the targets of the rules it matches.
     *
     * @return PutEvents' outcome, and the executions the entries started
     */
    public PutEventsResult putEvents(List<PutEventsFile.ParsedEntry> entries) {
        EventRouter.PutEventsOutcome outcome = events.putEvents(entries);
        List<Execution> started = new ArrayList<>();
        outcome.routed().forEach(routed -> routed.ifPresent(event -> started.addAll(deliver(event))));
        return new PutEventsResult(outcome, started);
    }

    /** What a PutEvents call did: its response, and the executions its events started. */
    public record PutEventsResult(EventRouter.PutEventsOutcome outcome, List<Execution> started) {
        public PutEventsResult {
            started = List.copyOf(started);
        }
    }

    /**
     * PutEvents for a Step Functions server in front of this application: each valid entry is routed through
     * the template's rules; a state machine target is started by {@code startStateMachine} (given its ARN and
     * input), a function target runs here.
     *
     * @return PutEvents' outcome
     */
    public EventRouter.PutEventsOutcome putEvents(List<PutEventsFile.ParsedEntry> entries,
            BiConsumer<String, JsonNode> startStateMachine) {
        EventRouter.PutEventsOutcome outcome = events.putEvents(entries);
        outcome.routed().forEach(routed -> routed.ifPresent(event -> deliver(event, startStateMachine)));
        return outcome;
    }

    private List<Execution> deliver(EventRouter.RoutedEvent routed) {
        List<Execution> started = new ArrayList<>();
        deliver(routed, (target, input) -> started.add(startExecution(target, UUID.randomUUID().toString(), input, null)));
        return started;
    }

    private void deliver(EventRouter.RoutedEvent routed, BiConsumer<String, JsonNode> startStateMachine) {
        for (EventRouter.Delivery delivery : routed.deliveries()) {
            String target = delivery.target().targetArn();
            JsonNode input = parse(delivery.input(), "Rule " + delivery.target().ruleName() + " gave its target");
            if (definitions.containsKey(target)) {
                startStateMachine.accept(target, input);
            } else if (lambdas.registry().contains(target)) {
                deliverToLambda(target, input);
            } else {
                throw new IllegalArgumentException("Rule " + delivery.target().ruleName() + " targets " + target
                        + ", which is not a state machine or function of the template");
            }
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " input that is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Publishes the messages of an SNS event (the seed's envelope: {@code Records[].Sns}) to their topics
     * in the template, as the appliances do on AWS; the topics' subscribers (the starter function) start
     * the workflow. What the delivery used counts towards each execution it started.
     *
     * @return the executions the messages started
     * @throws IllegalArgumentException for a record without a message or a topic the template lacks
     */
    public List<Execution> publishSnsEvent(JsonNode snsEvent) {
        String ingestKey = "sns-ingest:" + UUID.randomUUID();
        ExecutionActivity ingest = ledger.of(ingestKey);
        int before = executions.size();
        for (JsonNode record : snsEvent.path("Records")) {
            JsonNode message = record.path("Sns");
            String topicArn = snsTopicFor(message.path("TopicArn").asText(null));
            if (!message.path("Message").isTextual()) {
                throw new IllegalArgumentException("An SNS record has no Message to publish (Records[].Sns.Message must be a string)");
            }
            Map<String, SnsMessageAttribute> attributes = new LinkedHashMap<>();
            message.path("MessageAttributes").properties().forEach(entry -> attributes.put(entry.getKey(),
                    new SnsMessageAttribute(entry.getValue().path("Type").asText("String"), entry.getValue().path("Value").asText())));
            SnsPublishRequest request = new SnsPublishRequest(topicArn, message.get("Message").textValue(),
                    message.path("Subject").asText(null), null, attributes);
            LocalSns.PublishResult result = ledger.during(ingestKey, () -> sns.publish(request));
            ingest.snsPublished(new ExecutionUsage.SnsPublish(request.message().getBytes(StandardCharsets.UTF_8).length,
                    result.deliveries().stream().map(SnsDelivery::protocol).toList()),
                    new ExecutionActivity.Published(topicArn, result.messageId(), request.subject(), request.message(),
                            result.deliveries().size()),
                    result.deliveries());
        }
        ledger.forget(ingestKey);
        lastSnsIngest = ingest;
        List<Execution> started = executions.subList(before, executions.size());
        started.forEach(execution -> ledger.of(execution.identity().executionArn()).absorb(ingest));
        return List.copyOf(started);
    }

    /**
     * The template topic an SNS event's record is published to: the topic its TopicArn names, when the template has
     * it; otherwise the one topic a function of the template subscribes to. An event captured from a deployed stack
     * (a generated topic name) or the Lambda console's SNS test event (its sample topic) names a topic the template
     * cannot have, yet can mean only that one.
     *
     * @throws IllegalArgumentException when the TopicArn is not the template's and no single topic has a function
     *         subscribed, naming the candidates
     */
    public String snsTopicFor(String topicArn) {
        if (topicArn != null && template.topicByArn(topicArn).isPresent()) {
            return topicArn;
        }
        List<String> subscribed = template.topics().stream().map(TopicResource::arn)
                .filter(arn -> template.subscriptionsOf(arn).stream().anyMatch(s -> s.protocol().equals("lambda")))
                .toList();
        if (subscribed.size() == 1) {
            return subscribed.get(0);
        }
        throw new IllegalArgumentException("The SNS event's TopicArn " + topicArn + " is not a topic of the template, and "
                + (subscribed.isEmpty() ? "no topic of the template has a function subscribed; its topics are "
                        + template.topics().stream().map(TopicResource::arn).toList()
                        : "several of its topics have a function subscribed, so the event could mean any of "
                        + subscribed + "; set the event's TopicArn to one of them"));
    }

    /**
     * What the last {@link #publishSnsEvent} did besides starting executions: its messages, deliveries, and the logs
     * and results of the functions they invoked (all there is to see of a topic whose subscribers are functions only).
     */
    public ExecutionActivity lastSnsIngest() {
        return lastSnsIngest;
    }

    /** Every execution started so far, including those that functions started, in the order started. */
    public List<Execution> executions() {
        return List.copyOf(executions);
    }

    /** Runs everything started until nothing is left to do. */
    public void runUntilIdle() {
        scheduler.runUntilIdle();
    }

    /** What an ended (or running) execution did, with its cost on AWS. */
    public ExecutionReport report(Execution execution) {
        String arn = execution.identity().executionArn();
        ExecutionActivity activity = ledger.of(arn);
        var history = execution.history();
        List<StateStep> steps = StateSteps.of(history);
        ExecutionUsage usage = Usage.of(history, steps,
                definitionSizes.getOrDefault(execution.identity().stateMachineArn(), 0), activity);
        var result = execution.result().toCompletableFuture().getNow(appliance.engine.run.ExecutionResult.running());
        return new ExecutionReport(arn, execution.identity().stateMachineArn(), result, steps,
                activity.published(), activity.deliveries(), activity.lambdaLogs(), usage, costs.estimate(usage));
    }

    /** The time as the application's executions see it. */
    public java.time.Instant now() {
        return scheduler.now();
    }

    /**
     * The template's task resources as the engine calls them (in-process Lambdas, local SNS, or the hybrid
     * endpoints), for another engine to use, such as the Step Functions API server's.
     */
    public TaskInvoker taskInvoker() {
        return tasks;
    }

    @Override
    public void close() {
        lambdas.close();
        if (remoteLambda != null) {
            remoteLambda.close();
        }
        if (remoteSns != null) {
            remoteSns.close();
        }
        serviceTasks.close();
    }
}
