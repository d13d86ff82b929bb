package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.ClassVisibilityHandler;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedLibrariesTest {
    private final LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults());

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void a_function_packaging_the_runtimes_own_jackson_jars_gets_the_runtimes_jackson_classes() {
        JsonNode seen = inspect(withJackson(jacksonJars()));

        assertThat(seen.get("runtimeJacksonVisible").asBoolean()).isTrue();
        assertThat(seen.get("jacksonFromItsOwnLoader").asBoolean()).isFalse();
        // Everything else stays the function's own.
        assertThat(seen.get("eventsFromItsOwnLoader").asBoolean()).isTrue();
        assertThat(seen.get("runtimeClassesVisible").asBoolean()).isFalse();
    }

    @Test
    void a_byte_for_byte_copy_elsewhere_is_shared_too_as_in_a_sam_build_lib_folder() throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path jar : jacksonJars()) {
            copies.add(Files.copy(jar, folder.resolve(jar.getFileName())));
        }

        JsonNode seen = inspect(withJackson(copies));

        assertThat(seen.get("jacksonFromItsOwnLoader").asBoolean()).isFalse();
    }

    @Test
    void a_jar_that_differs_from_the_runtimes_is_loaded_by_the_function_itself() throws IOException {
        try (FunctionClassLoader loader = new FunctionClassLoader(withJackson(List.of(
                jarOf(JsonFactory.class), jarOf(JsonProperty.class), differentCopy(jarOf(ObjectMapper.class)))))) {
            assertThat(loader.sharesWithRuntime(JsonFactory.class.getName())).isTrue();
            assertThat(loader.sharesWithRuntime(ObjectMapper.class.getName())).isFalse();
        }
    }

    @Test
    void two_files_are_identical_only_with_the_same_bytes() throws IOException {
        Path jar = jarOf(JsonProperty.class);
        Path copy = Files.copy(jar, folder.resolve("copy.jar"));

        assertThat(SharedLibraries.identical(jar, copy)).isTrue();
        assertThat(SharedLibraries.identical(jar, differentCopy(jar))).isFalse();
    }

    /** Same name, same size, one byte changed: another jar as far as sharing goes. */
    private Path differentCopy(Path jar) throws IOException {
        Path other = Files.createDirectories(folder.resolve("other")).resolve(jar.getFileName());
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        return Files.write(other, bytes);
    }

    private JsonNode inspect(List<Path> classpath) {
        runtime.register(new LambdaFunctionConfig("InspectorFunction", "inspector", handler(ClassVisibilityHandler.class),
                classpath, 512, 3, java.util.Map.of(), null, "arm64", "java21", LambdaFunctionConfig.LATEST));
        return runtime.invoke("inspector", new ObjectMapper().nullNode()).payloadJson();
    }

    private static List<Path> withJackson(List<Path> jackson) {
        List<Path> classpath = new ArrayList<>(FixtureFunctions.CLASSPATH);
        classpath.addAll(jackson);
        return classpath;
    }

    private static List<Path> jacksonJars() {
        return List.of(jarOf(JsonFactory.class), jarOf(ObjectMapper.class), jarOf(JsonProperty.class));
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
