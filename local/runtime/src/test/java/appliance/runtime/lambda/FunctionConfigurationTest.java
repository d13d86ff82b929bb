package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.CLASSPATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionConfigurationTest {

    private static LambdaFunctionConfig config(Map<String, String> environment, int timeout, String version) {
        return new LambdaFunctionConfig("ClassifierFunction", "classifier", "a.B::handle", CLASSPATH, 512, timeout,
                environment, null, "arm64", "java21", version);
    }

    @Test
    void a_reserved_environment_variable_is_refused_with_lambdas_message() {
        assertThatThrownBy(() -> config(Map.of("AWS_REGION", "eu-west-1", "TABLE", "t"), 3, "$LATEST"))
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessage("Lambda function ClassifierFunction: Lambda was unable to configure your environment"
                        + " variables because the environment variables you have provided contains reserved keys that"
                        + " are currently not supported for modification. Reserved keys used in this request: AWS_REGION");
    }

    @Test
    void an_out_of_range_timeout_names_the_function_and_the_limit() {
        assertThatThrownBy(() -> config(Map.of(), 901, "$LATEST"))
                .hasMessage("Lambda function ClassifierFunction: Timeout 901 must be between 1 and 900 seconds");
    }

    @Test
    void a_numeric_version_is_not_an_alias() {
        assertThatThrownBy(() -> config(Map.of(), 3, "2"))
                .hasMessageContaining("version '2' must be $LATEST or an alias name");
    }

    @Test
    void a_module_classpath_is_its_classes_then_the_listed_jars(@TempDir Path module) throws Exception {
        Files.createDirectories(module.resolve("target/classes"));
        Path jarA = Files.createFile(module.resolve("a.jar"));
        Path jarB = Files.createFile(module.resolve("b.jar"));
        Files.writeString(module.resolve("target/lambda-classpath.txt"), jarA + File.pathSeparator + jarB + "\n");

        assertThat(FunctionModuleClasspath.of(module)).containsExactly(module.resolve("target/classes"), jarA, jarB);
    }

    @Test
    void an_unbuilt_module_is_named_with_how_to_build_it(@TempDir Path root) {
        Path module = root.resolve("functions/classifier");

        assertThatThrownBy(() -> FunctionModuleClasspath.of(module))
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessage("Function module " + module + " is not built: target/classes is missing."
                        + " Build it first (mvn -pl " + module + " -am package)");
    }

    @Test
    void a_listed_jar_that_is_gone_is_named(@TempDir Path module) throws Exception {
        Files.createDirectories(module.resolve("target/classes"));
        Files.writeString(module.resolve("target/lambda-classpath.txt"), module.resolve("gone.jar").toString());

        assertThatThrownBy(() -> FunctionModuleClasspath.of(module))
                .hasMessageContaining("lists " + module.resolve("gone.jar"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void configuration_copies_are_immutable() {
        LambdaFunctionConfig config = config(new java.util.HashMap<>(Map.of("A", "1")), 3, "live");

        assertThat(config.hasAlias()).isTrue();
        assertThatThrownBy(() -> config.environment().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.classpath().add(Path.of("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(config.classpath())).isEqualTo(CLASSPATH);
    }
}
