package appliance.runtime.lambda;

import static appliance.runtime.lambda.FixtureFunctions.function;
import static appliance.runtime.lambda.FixtureFunctions.handler;
import static org.assertj.core.api.Assertions.assertThat;

import appliance.runtime.lambda.fixtures.GreetingHandler;
import appliance.runtime.lambda.fixtures.StaticInitFlag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloaderTest {
    private static final LambdaFunctionConfig GREETER = function("greeter", handler(GreetingHandler.class));

    @TempDir
    Path lists;

    @BeforeEach
    void listsHere() {
        System.setProperty(ClassPreloader.LISTS_PROPERTY, lists.toString());
        System.clearProperty(StaticInitFlag.PROPERTY);
    }

    @AfterEach
    void noLists() {
        System.clearProperty(ClassPreloader.LISTS_PROPERTY);
        System.clearProperty(ClassPreloader.RECORD_PROPERTY);
        System.clearProperty(StaticInitFlag.PROPERTY);
    }

    @Test
    void a_function_loader_keeps_the_names_of_the_classes_it_defined_in_order() throws Exception {
        try (FunctionClassLoader loader = new FunctionClassLoader(GREETER.classpath())) {
            loader.recordDefinedClasses();
            Class.forName(GreetingHandler.class.getName(), false, loader);

            assertThat(loader.definedClasses()).startsWith(GreetingHandler.class.getName())
                    .doesNotContain("com.amazonaws.services.lambda.runtime.RequestHandler"); // the shared core API
        }
    }

    @Test
    void the_first_environments_loader_has_the_listed_classes_loaded_but_not_initialised() throws Exception {
        ClassPreloader.write(ClassPreloader.listFile(GREETER),
                List.of(GreetingHandler.class.getName(), StaticInitFlag.class.getName(), "no.longer.There"));

        ClassPreloader preloader = ClassPreloader.start(GREETER);
        preloader.preloaded().get(1, TimeUnit.MINUTES);
        FunctionClassLoader first = preloader.loaderForNewEnvironment();
        FunctionClassLoader second = preloader.loaderForNewEnvironment();

        assertThat(first.hasLoaded(StaticInitFlag.class.getName())).isTrue();
        assertThat(first.hasLoaded(GreetingHandler.class.getName())).isTrue();
        assertThat(System.getProperty(StaticInitFlag.PROPERTY)).as("no static initialiser ran").isNull();
        assertThat(second).isNotSameAs(first);
        assertThat(second.hasLoaded(GreetingHandler.class.getName())).isFalse();
        first.close();
        second.close();
    }

    @Test
    void without_a_list_nothing_is_loaded_ahead() throws Exception {
        ClassPreloader preloader = ClassPreloader.start(GREETER);

        assertThat(preloader.preloaded()).isDone();
        try (FunctionClassLoader loader = preloader.loaderForNewEnvironment()) {
            assertThat(loader.hasLoaded(GreetingHandler.class.getName())).isFalse();
        }
    }

    @Test
    void a_preloaded_function_answers_as_any_other() throws IOException {
        ClassPreloader.write(ClassPreloader.listFile(GREETER), List.of(GreetingHandler.class.getName()));
        try (LocalLambdaRuntime runtime = new LocalLambdaRuntime(LambdaRuntimeOptions.defaults())) {
            runtime.register(GREETER);

            LambdaInvocationResult result = runtime.invoke("greeter",
                    "{\"name\":\"Bo\",\"times\":1}".getBytes(StandardCharsets.UTF_8));

            assertThat(result.payload()).isEqualTo("{\"message\":\"Hello Bo!\"}");
        }
    }
}
