package appliance.cli;

import appliance.engine.task.TaskInvoker;
import appliance.runtime.app.LocalApplication;
import appliance.runtime.app.LocalOptions;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Step Functions API server with the template's application behind it: the template's state
 * machines are there from the start, their tasks call the in-process functions and the local SNS, and
 * the functions' own SfnClient (the starter's) reaches this server, so an SNS message on the ingest
 * topic runs the whole chain and its execution is listed and kept like any other. SNS's and EventBridge's
 * APIs answer on the same port.
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
        // Functions' SDK clients and states:startExecution reach this server, as under run.
        LocalOptions wired = ApplicationEndpoint.pointedAt(server, local);
        try {
            application = LocalApplication.start(template, wired);
        } catch (RuntimeException | Error e) {
            // Never a server left listening with none of the template's machines (its threads would keep
            // the process alive after the error).
            server.close();
            throw e;
        }
        tasks.set(application.taskInvoker());
        // SNS and EventBridge on the same port: Publish reaches the template's topics (and their subscriber
        // functions), PutEvents the template's rules, whose state machine targets start executions here.
        server.serveSns(new TemplateTopics(application, template.settings()));
        server.serveEventBridge(new TemplateEventBus(application, server));
        for (StateMachineResource machine : template.stateMachines()) {
            String arn = server.registerStateMachine(machine.name(), machine.definition(), machine.type(),
                    application.taskInvoker());
            // SAM's AutoPublishAlias: a version of this definition (the same one again if unchanged), the alias on it.
            machine.autoPublishAlias().ifPresent(alias -> server.publishAlias(arn, alias));
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
