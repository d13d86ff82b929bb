package appliance.runtime.lambda.runtimeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeCommandTest {

    @Test
    void a_java_environment_loads_the_clients_jni_library_unpacked_once_not_the_shared_tmp_copy() throws Exception {
        // Environments starting at once each unpacked the client's library to /tmp/.libaws-lambda-jni.so and
        // one crashed with SIGBUS mapping a file another was writing: each must load the one unpacked copy.
        RuntimeCommand command = RuntimeCommand.of("Fn", "java17", "example.Handler::handle", List.of(Path.of(".")), 256);

        String property = "-D" + RuntimeClients.JAVA_NATIVE_LIBRARY_PROPERTY + "=";
        List<String> given = command.command().stream().filter(argument -> argument.startsWith(property)).toList();
        assertThat(given).hasSize(1);
        Path library = Path.of(given.get(0).substring(property.length()));
        assertThat(library).isRegularFile();
        assertThat(Files.size(library)).isPositive();
        assertThat(library.getFileName().toString()).startsWith("libaws-lambda-jni.linux");
        assertThat(command.command()).anyMatch(argument -> argument.startsWith("-XX:ErrorFile=")
                && !argument.contains(Path.of(".").toAbsolutePath().normalize().toString() + "/hs_err"));
    }
}
