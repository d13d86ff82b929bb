package appliance.cli;

import appliance.engine.task.TaskInvoker;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Step Functions API server with the template's application behind it: the template's state
 * machines are there from the start, their tasks call the in-process functions and the local SNS, and
 * the functions' own SfnClient (the starter's) reaches this server, so an SNS message on the ingest
 * topic runs the whole chain and its execution is listed and kept like any other.
 */
final class TemplateServer implements AutoCloseable {

    private final StepFunctionsServer server;
    private final LocalApplication application;

    private TemplateServer(StepFunctionsServer server, LocalApplication application) {
        this.server = server;
        this.application = application;
    }

    static TemplateServer start(ServerOptions options, SamTemplate template, LocalOptions local, Clock clock) {
        // Machines created through the API call the same resources as the template's; the application
        // that provides them needs the server's address first, hence the late binding.
        AtomicReference<TaskInvoker> tasks = new AtomicReference<>();
        // Executions a previous server left running resume once the template's machines and tasks are in place.
        StepFunctionsServer server = StepFunctionsServer.start(options.withResumeLater(), request -> tasks.get().invoke(request),
                clock);
        LocalApplication application;
        try {
            application = LocalApplication.start(template, local.withFunctionEnvironment(
                    Map.of("AWS_ENDPOINT_URL_SFN", server.endpoint().toString())));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        tasks.set(application.taskInvoker());
        for (StateMachineResource machine : template.stateMachines()) {
            server.registerStateMachine(machine.name(), machine.definition(), machine.type(), application.taskInvoker());
        }
        server.resumeExecutions();
        return new TemplateServer(server, application);
    }

    StepFunctionsServer server() {
        return server;
    }

    LocalApplication application() {
        return application;
    }

    @Override
    public void close() {
        server.close();
        application.close();
    }
}
