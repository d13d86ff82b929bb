package appliance.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.LambdaFunctionConfig;
import appliance.runtime.lambda.LambdaInvocationResult;
import appliance.runtime.lambda.LocalLambdaRuntime;
import appliance.runtime.template.FunctionResource;
import appliance.runtime.template.SamTemplate;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sam build, reproduced step by step as its Java Maven builder runs it: each function's CodeUri folder is copied
 * alone into a scratch directory, where {@code mvn clean install} runs (tests included), then
 * {@code mvn dependency:copy-dependencies -DincludeScope=runtime}; the function is then what Lambda gets: its
 * classes and those jars. The Maven repository used holds everything Maven Central serves (taken from the local
 * repository, so the test needs no network) but none of this project's own artifacts, as on a fresh machine or
 * in sam build's container. Each function is then loaded from its artifact alone (a class loader with only its
 * classes and jars over the JDK, as Lambda's Java runtime loads it) and invoked on a sample event.
 */
class SamBuildTest {

    private static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:CookWorkflow";

    @TempDir
    Path scratch;

    private final SamTemplate template = SamTemplate.load(WorkflowDefinition.file("template.yaml"));

    @Test
    void each_function_builds_alone_as_sam_build_builds_it_and_its_artifact_alone_handles_a_sample_event()
            throws IOException, InterruptedException {
        Path repository = repositoryWithoutThisProject();
        List<Path> folders = new ArrayList<>();
        for (FunctionResource function : template.functions()) {
            Path folder = scratch.resolve(function.logicalId());
            copyWithoutBuildOutput(function.codeUri(), folder);
            folders.add(folder);
        }
        assertThat(folders).extracting(folder -> folder.getFileName().toString())
                .containsExactlyInAnyOrder("ClassifyCookFunction", "RecordCookFunction", "StartCookWorkflowFunction");
        // The functions build side by side, as samconfig.toml's parallel = true has sam build do.
        maven(folders, repository, "clean", "install");
        maven(folders, repository, "dependency:copy-dependencies", "-DincludeScope=runtime");

        HttpServer stepFunctions = stepFunctionsAnsweringStartExecution();
        try (LocalLambdaRuntime lambda = new LocalLambdaRuntime()) {
            for (FunctionResource function : template.functions()) {
                lambda.register(deployed(function, Map.of("STATE_MACHINE_ARN", STATE_MACHINE_ARN,
                        "AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:" + stepFunctions.getAddress().getPort())));
            }

            LambdaInvocationResult classified = lambda.invoke("ClassifyCookFunction", event("preset-ended-early.json"));
            assertThat(classified.error()).isNull();
            assertThat(classified.payloadJson().get("outcome").asText()).isEqualTo("EARLY_END_PRESET");

            LambdaInvocationResult recorded = lambda.invoke("RecordCookFunction", ("{\"execution_arn\": \"e1\","
                    + " \"started_at\": \"2026-11-28T08:15:00Z\", \"state\": {\"cook\": " + classified.payload() + "}}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(recorded.error()).isNull();
            assertThat(recorded.payloadJson().get("record").asText()).isEqualTo("COOK");

            LambdaInvocationResult started = lambda.invoke("StartCookWorkflowFunction", event("sns-custom-ended-early.json"));
            assertThat(started.error()).isNull();
            assertThat(started.payloadJson().at("/0/executionArn").asText())
                    .isEqualTo(STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":started-by-sam-build-test");
        } finally {
            stepFunctions.stop(0);
        }
    }

    /** The function as sam build leaves it: its classes, then the jars copy-dependencies put beside them. */
    private LambdaFunctionConfig deployed(FunctionResource function, Map<String, String> environment) throws IOException {
        Path target = scratch.resolve(function.logicalId()).resolve("target");
        List<Path> classpath = new ArrayList<>(List.of(target.resolve("classes")));
        try (Stream<Path> jars = Files.list(target.resolve("dependency"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(classpath::add);
        }
        return new LambdaFunctionConfig(function.logicalId(), function.logicalId(), function.handler(), classpath, 512, 30,
                environment, null, "arm64", "java21", LambdaFunctionConfig.LATEST);
    }

    /**
     * A Maven repository with every group of the local repository except this project's ({@code appliance}): links
     * to them, so nothing is downloaded or copied; what the builds install lands in the scratch directory.
     */
    private Path repositoryWithoutThisProject() throws IOException {
        Path local = Path.of(System.getProperty("maven.repo.local.for.tests"));
        Path repository = Files.createDirectories(scratch.resolve("repository"));
        try (Stream<Path> groups = Files.list(local)) {
            for (Path group : groups.toList()) {
                if (!group.getFileName().toString().equals("appliance")) {
                    Files.createSymbolicLink(repository.resolve(group.getFileName().toString()), group);
                }
            }
        }
        assertThat(repository.resolve("appliance")).doesNotExist();
        return repository;
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Runs the same Maven goals in each folder at once, and checks each succeeded (its output if not). */
    private void maven(List<Path> folders, Path repository, String... goals) throws IOException, InterruptedException {
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        List<Process> running = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (Path folder : folders) {
            List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "-q", "-Dmaven.repo.local=" + repository));
            command.addAll(List.of(goals));
            Path log = scratch.resolve(folder.getFileName() + "-" + goals[0].replace(':', '-') + ".log");
            logs.add(log);
            running.add(new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < running.size(); i++) {
            Process maven = running.get(i);
            boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                maven.destroyForcibly();
            }
            assertThat(finished).as("mvn %s in %s finished", String.join(" ", goals), folders.get(i)).isTrue();
            assertThat(maven.exitValue()).as("mvn %s in a scratch copy of %s; its output:%n%s", String.join(" ", goals),
                    folders.get(i).getFileName(), Files.readString(logs.get(i))).isZero();
        }
    }

    private static byte[] event(String name) {
        try {
            return Files.readAllBytes(WorkflowDefinition.file("events").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step Functions' StartExecution, enough for the starter's SDK client: one fixed execution ARN. */
    private static HttpServer stepFunctionsAnsweringStartExecution() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = ("{\"executionArn\": \"" + STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:")
                    + ":started-by-sam-build-test\", \"startDate\": 1764000000.0}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }
}
