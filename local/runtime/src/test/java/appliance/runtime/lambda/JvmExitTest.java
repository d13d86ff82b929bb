package appliance.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ExitingHandler;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Java handlers that break their JVM: System.exit (Runtime.ExitError in a process of its own; a clear message
 * in-process), and 600 MB held with a MemorySize of 128.
 */
class JvmExitTest {

    @Test
    void in_a_process_of_its_own_the_exit_ends_only_its_environment() {
        try (LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
                .withIsolation(LambdaIsolation.PROCESS))) {
            runtime.register(new LambdaFunctionConfig("QuitterFunction", "quitter", ExitingHandler.class.getName(),
                    FixtureFunctions.CLASSPATH, 256, 30, java.util.Map.of(), null, "x86_64", "java17",
                    LambdaFunctionConfig.LATEST));

            LambdaInvocationResult exited = runtime.invoke("quitter", IntNode.valueOf(3));
            LambdaInvocationResult after = runtime.invoke("quitter", IntNode.valueOf(0));

            assertThat(exited.error().errorType()).isEqualTo("Runtime.ExitError");
            assertThat(exited.error().errorMessage()).endsWith("Runtime exited with error: exit status 3");
            assertThat(after.error()).isNull();
            assertThat(after.payload()).isEqualTo("0");
        }
    }

    @Test
    void a_java_handler_holding_more_than_its_memory_size_fails_and_its_environment_is_replaced() {
        try (LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults()
                .withIsolation(LambdaIsolation.PROCESS))) {
            runtime.register(new LambdaFunctionConfig("HoarderFunction", "hoarder",
                    appliance.runtime.lambda.fixtures.HoardingHandler.class.getName(), FixtureFunctions.CLASSPATH, 128,
                    30, java.util.Map.of(), null, "x86_64", "java17", LambdaFunctionConfig.LATEST));

            LambdaInvocationResult hoarded = runtime.invoke("hoarder", IntNode.valueOf(600));

            // The process's resident memory passes 128 MB first (a 108 MB heap plus the JVM's own), so Lambda's
            // limit ends it; were the heap to fill first, AWS's client would report the JVM's own error.
            assertThat(hoarded.error()).isNotNull();
            assertThat(hoarded.error().errorType()).isIn("Runtime.OutOfMemory", "java.lang.OutOfMemoryError");
            assertThat(hoarded.maxMemoryUsedMb()).isLessThanOrEqualTo(128);
        }
    }

    @Test
    void in_process_the_command_ends_with_a_message_naming_the_function_and_the_flag() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(),
                "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), InProcessExitMain.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).isEqualTo(3);
        assertThat(output).contains(JvmExitGuard.message("quitter")).doesNotContain("the command went on");
    }
}
