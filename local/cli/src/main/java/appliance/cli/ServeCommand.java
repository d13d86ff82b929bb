package appliance.cli;

import appliance.runtime.app.LocalOptions;
import appliance.runtime.lambda.LambdaConfigurationException;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.s3.FolderObjectStore;
import appliance.engine.maprun.ObjectStore;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.TemplateException;
import appliance.runtime.template.TemplateSettings;
import appliance.server.ServerOptions;
import appliance.server.StepFunctionsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * {@code appliance serve}: the Step Functions API on localhost (AWS JSON 1.0), with SNS and EventBridge on
 * the same port, so the AWS CLI and SDKs work with {@code --endpoint-url http://127.0.0.1:8083}. It serves
 * the template's application ({@code template.yaml} in the working directory, or {@code --template}); with
 * neither, or with {@code --no-template}, it starts empty, as Step Functions Local does. Configured as
 * Step Functions Local is ({@link StepFunctionsLocalSettings}). A project's executions are kept in its
 * {@code .appliance/server-db} unless {@code --db} or {@code --in-memory} says otherwise; an empty server
 * keeps them in memory. Runs until stopped (Ctrl-C); Standard executions still running then resume at
 * the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the Step Functions API (and SNS and EventBridge) on localhost until stopped.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8083", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--no-template", description = "Start empty, as Step Functions Local does, even where there is a template.yaml.")
    private boolean noTemplate;

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

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Mixin
    StepFunctionsLocalSettings settings = new StepFunctionsLocalSettings();

    @Option(names = "--isolation", paramLabel = "process|in-process",
            description = "Where functions run: each in a process of its own (the default: a server outlives its"
                    + " functions), or Java functions in this JVM.")
    String isolation;

    /**
     * The template to serve: {@code --template}'s; else {@code template.yaml} in the working directory (or
     * the project bin/appliance runs in) when there is one; else none: an empty one.
     */
    SamTemplate template() {
        TemplateSettings deployed = settings.templateSettings();
        boolean named = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--template");
        if (noTemplate || (!named && !Files.isRegularFile(ProjectFiles.resolve(templateOptions.template)))) {
            return SamTemplate.empty(ProjectFiles.root(), deployed);
        }
        return templateOptions.load(deployed);
    }

    /** The server's options for serving {@code template}, as the command line and the environment give them. */
    ServerOptions options(SamTemplate template) {
        boolean empty = template.resources().isEmpty();
        Path database = storage.inMemory ? null
                : storage.database != null ? Path.of(storage.database)
                : empty ? null : ServerOptions.defaultDatabase(ProjectFiles.root());
        return new ServerOptions(host, port, database, settings.mockConfig(template.baseDirectory()), template.baseDirectory().resolve("events"),
                settings.waitTimeScale()).withAllowedHosts(allowedHosts)
                .withIdentity(template.settings().region(), template.settings().accountId());
    }

    /** Starts the server with the template's state machines, functions and topics behind it. */
    TemplateServer start(ServerOptions options, SamTemplate template) {
        LocalOptions local = settings.localOptions(RuntimeOptions.isolation(isolation, LambdaIsolation.PROCESS));
        try {
            return TemplateServer.start(options, template, local, Clock.systemUTC());
        } catch (UncheckedIOException | TemplateException | LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        }
    }

    @picocli.CommandLine.Mixin
    private S3Options s3 = new S3Options();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SamTemplate template = template();
        ServerOptions options = options(template);
        TemplateServer running = start(options, template);
        StepFunctionsServer server = running.server();
        ObjectStore store = s3.store();
        server.useObjectStore(store);
        // S3 on the same port, over the folder the Distributed Map reads and writes: users put its input there
        // and read its results with the AWS CLI or SDK. (With --s3-endpoint, that endpoint is their S3.)
        Path buckets = store instanceof FolderObjectStore folder ? folder.root() : null;
        if (buckets != null) {
            server.serveS3(buckets);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "serve-shutdown"));
        if (template.resources().isEmpty()) {
            out.println("No template: started empty; create state machines through the API");
        } else {
            out.println("State machines of " + template.templateFile() + ": " + template.stateMachines()
                    .stream().map(machine -> machine.arn()).toList());
        }
        if (options.mockConfig() != null) {
            out.println("Mock test cases: " + options.mockConfig().testCases().keySet() + " (start stateMachineArn#TestCaseName)");
        }
        out.println("Step Functions, SNS, EventBridge" + (buckets == null ? "" : " and S3 (buckets in " + buckets + ")")
                + " APIs on " + server.endpoint() + " (executions kept "
                + (options.database() == null ? "in memory only" : "in " + options.database()) + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
