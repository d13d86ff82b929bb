package appliance.cli;

import appliance.engine.run.Execution;
import appliance.engine.task.TaskInvoker;
import appliance.runtime.app.ExecutionAlreadyExistsException;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import appliance.server.ApiException;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one local endpoint of {@code run} and {@code put-events}: the Step Functions server, in memory, with
 * the template's state machines, in front of the template's application. A function's SfnClient (the
 * starter's) and a states:startExecution task reach it as they reach Step Functions on AWS; it checks each
 * StartExecution as AWS does (ARN, name, input size and JSON, test case) and hands the execution to the
 * application, which runs it in virtual time and reports it like any other.
 */
final class ApplicationEndpoint implements AutoCloseable {

    private final StepFunctionsServer server;
    private final LocalApplication application;

    private ApplicationEndpoint(StepFunctionsServer server, LocalApplication application) {
        this.server = server;
        this.application = application;
    }

    /**
     * Starts the server (its identity should be the template's, so that the ARNs agree), then the application
     * with its functions pointed at it.
     */
    static ApplicationEndpoint start(ServerOptions options, SamTemplate template, LocalOptions local) {
        // Machines created through the API call the template's resources; those exist once the application
        // does, and it needs the server's address first, hence the late binding.
        AtomicReference<TaskInvoker> tasks = new AtomicReference<>();
        StepFunctionsServer server = StepFunctionsServer.start(options, request -> tasks.get().invoke(request),
                Clock.systemUTC());
        LocalApplication application;
        try {
            application = LocalApplication.start(template, pointedAt(server, local));
        } catch (RuntimeException | Error e) {
            // No server left listening (its threads would keep the process alive after the error).
            server.close();
            throw e;
        }
        tasks.set(application.taskInvoker());
        // As serve does: a function's SnsClient reaches the template's topics, its EventBridgeClient the
        // template's rules, whose state machine targets start executions here.
        server.serveSns(new TemplateTopics(application, template.settings()));
        server.serveEventBridge(new TemplateEventBus(application, server));
        for (StateMachineResource machine : template.stateMachines()) {
            server.registerStateMachine(machine.name(), machine.definition(), machine.type(), application.taskInvoker());
        }
        server.startExecutionsWith((identity, input, machineTasks) -> {
            try {
                Execution started = application.startExecution(identity, input, machineTasks);
                return started == null ? null : application.now();
            } catch (ExecutionAlreadyExistsException e) {
                throw new ApiException("ExecutionAlreadyExists", e.getMessage());
            }
        });
        return new ApplicationEndpoint(server, application);
    }

    /**
     * The functions' SfnClient, SnsClient and EventBridgeClient (through the AWS SDKs' service-specific endpoint
     * variables), and states:startExecution unless STEP_FUNCTIONS_ENDPOINT says otherwise, reach the server; in
     * hybrid mode (SNS_ENDPOINT, EVENTBRIDGE_ENDPOINT) a function calls where the sns:publish and
     * events:putEvents tasks do.
     */
    static LocalOptions pointedAt(StepFunctionsServer server, LocalOptions local) {
        Map<String, String> environment = new LinkedHashMap<>(local.functionEnvironment());
        String endpoint = server.endpoint().toString();
        environment.putIfAbsent("AWS_ENDPOINT_URL_SFN", endpoint);
        environment.putIfAbsent("AWS_ENDPOINT_URL_SNS",
                local.endpoints().snsEndpoint().map(Object::toString).orElse(endpoint));
        environment.putIfAbsent("AWS_ENDPOINT_URL_EVENTBRIDGE",
                local.services().endpoint("eventbridge").map(Object::toString).orElse(endpoint));
        LocalOptions wired = local.withFunctionEnvironment(environment);
        if (wired.services().endpoint("sfn").isEmpty()) {
            wired = wired.withServices(wired.services().with("sfn", server.endpoint()));
        }
        return wired;
    }

    LocalApplication application() {
        return application;
    }

    StepFunctionsServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        application.close();
    }
}
