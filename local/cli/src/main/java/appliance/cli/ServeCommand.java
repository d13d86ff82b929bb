package appliance.cli;

import appliance.runtime.lambda.LambdaConfigurationException;
import appliance.runtime.template.TemplateException;
import appliance.engine.task.mock.MockConfig;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code appliance serve}: the Step Functions API on localhost (AWS JSON 1.0), so the AWS CLI and SDKs
 * work with {@code --endpoint-url http://127.0.0.1:8083}. Executions are kept in
 * {@code .appliance/server-db} under the project root unless {@code --db} or {@code --in-memory} says
 * otherwise. Runs until stopped (Ctrl-C); Standard executions still running then resume at the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the Step Functions API on localhost until stopped.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8083", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "A Step Functions Local MockConfigFile: StartExecution on stateMachineArn#TestCase runs that test case.")
    private String mockConfigFile;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests whose Host header is NAME (repeatable; * for any). By default only"
                    + " 127.0.0.1, localhost, [::1] and the --host address are answered, against DNS rebinding.")
    private java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @ArgGroup(exclusive = true)
    private Storage storage = new Storage();

    /** Where executions are kept: one of the two, or the project's default file. */
    static final class Storage {
        @Option(names = "--db", paramLabel = "PATH", description = "The store's folder (default: .appliance/server-db in the project).")
        String database;

        @Option(names = "--in-memory", description = "Keep no executions once the server stops.")
        boolean inMemory;
    }

    /** The server's options as the command line gives them. */
    ServerOptions options() {
        Path database = storage.inMemory
                ? null
                : storage.database != null ? Path.of(storage.database) : ServerOptions.defaultDatabase(ProjectFiles.root());
        MockConfig mocks = mockConfigFile == null ? null : MockConfig.parse(JsonFiles.read(mockConfigFile));
        return new ServerOptions(host, port, database, mocks).withSamples(ProjectFiles.root().resolve("events"))
                .withAllowedHosts(allowedHosts);
    }

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Mixin
    RuntimeOptions runtimeOptions = new RuntimeOptions();

    /** Starts the server with the template's state machines, functions and topics behind it. */
    TemplateServer start(ServerOptions options) {
        try {
            return TemplateServer.start(options, templateOptions.load(), runtimeOptions.localOptions(), Clock.systemUTC());
        } catch (UncheckedIOException | TemplateException | LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServerOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new UserError("--mock-config " + mockConfigFile + ": " + e.getMessage());
        }
        TemplateServer running = start(options);
        StepFunctionsServer server = running.server();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "serve-shutdown"));
        out.println("State machines of " + templateOptions.template + ": " + running.application().template().stateMachines()
                .stream().map(machine -> machine.arn()).toList());
        out.println("Step Functions API on " + server.endpoint() + " (executions kept "
                + (options.database() == null ? "in memory only" : "in " + options.database()) + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
