package appliance.cli;

import appliance.runtime.app.FunctionConfigs;
import appliance.runtime.lambda.LambdaConfigurationException;
import appliance.runtime.lambda.LambdaError;
import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaInvocationResult;
import appliance.runtime.lambda.LambdaIsolation;
import appliance.runtime.lambda.LambdaLogLine;
import appliance.runtime.lambda.LambdaRuntimeOptions;
import appliance.runtime.lambda.LambdaServiceException;
import appliance.runtime.lambda.LocalLambdaRuntime;
import appliance.runtime.template.FunctionResource;
import appliance.runtime.template.SamTemplate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/appliance invoke FUNCTION EVENT}: runs one function of template.yaml in-process as Lambda
 * would, prints its result (or its error) as JSON on stdout and its log on stderr.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Runs one function of the template in-process as Lambda would and prints its JSON result.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the function returned a result", "1:the function failed (its error is printed)",
                "2:bad arguments, template or event file"})
final class InvokeCommand implements Callable<Integer> {

    static final int FUNCTION_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's logical id in the template.")
    String functionId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EVENT",
            description = "A file with the event, for example events/cook-completed.json; - reads standard input; {} when absent, as sam local invoke sends.")
    String eventFile;

    @Option(names = {"-e", "--event"}, paramLabel = "FILE", description = "The event file, as sam local invoke takes it (- for standard input).")
    String namedEventFile;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the function's log on stderr.")
    boolean quiet;

    @Option(names = "--isolation", paramLabel = "process|in-process",
            description = "Run the function in a process of its own, or (Java; the default) in this JVM.")
    String isolation;

    @Override
    public Integer call() {
        SamTemplate template = templateOptions.load();
        FunctionResource function = template.function(functionId).orElseThrow(() -> new UserError(
                "no function " + functionId + " in " + templateOptions.template + "; its functions are "
                        + template.functions().stream().map(FunctionResource::logicalId).collect(Collectors.joining(", "))));
        if (eventFile != null && namedEventFile != null) {
            throw new UserError("one event: " + eventFile + " or --event " + namedEventFile + ", not both");
        }
        String file = namedEventFile != null ? namedEventFile : eventFile;
        byte[] event = (file == null ? "{}" : JsonFiles.readText(file)).getBytes(StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LambdaRuntimeOptions options = LambdaRuntimeOptions.defaults()
                .withIsolation(RuntimeOptions.isolation(isolation, LambdaIsolation.IN_PROCESS)).withLogSink(log -> {
            if (!quiet) {
                log.lines().stream().map(LambdaLogLine::message).forEach(err::println);
                err.flush();
            }
        });
        try (LocalLambdaRuntime lambda = new LocalLambdaRuntime(options)) {
            LambdaFunctionConfig config = FunctionConfigs.of(template, function);
            lambda.register(config);
            LambdaInvocationResult result = lambda.invoke(config.functionName(), event);
            if (result.succeeded()) {
                out.println(result.payload());
                return 0;
            }
            out.println(errorJson(result.error()));
            return FUNCTION_FAILED;
        } catch (LambdaConfigurationException e) {
            throw new UserError(e.getMessage());
        } catch (LambdaServiceException e) {
            out.println(JsonFiles.JSON.createObjectNode().put("errorType", e.errorCode()).put("errorMessage", e.getMessage()));
            return FUNCTION_FAILED;
        }
    }

    /** The error as the issue and {@code sam local invoke} show it: its type and message. */
    private static ObjectNode errorJson(LambdaError error) {
        return JsonFiles.JSON.createObjectNode()
                .put("errorType", error.errorType())
                .put("errorMessage", error.errorMessage());
    }
}
