package appliance.runtime.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads, on a background thread, the classes a function's first environment will load, while the rest of the
 * application starts and other functions run: on a machine with a second core, a cold start then finds most of its
 * classes already parsed. Only loaded, never initialised: no static initialiser runs before the environment's own
 * init (on its thread, with its environment variables), so nothing a function can observe changes but the time.
 *
 * <p>Which classes: the list a training run wrote ({@code bin/appliance} makes one with its start-up archive, after
 * each build), one file per function and class path in the folder the system property {@value #LISTS_PROPERTY} names.
 * With {@value #RECORD_PROPERTY}{@code =true} the run writes, at exit, the classes each function's first loader
 * defined. Without the property (tests, the jar) nothing is preloaded or written. A stale list only costs time: a
 * class no longer there is skipped.
 */
final class ClassPreloader {
    static final String LISTS_PROPERTY = "appliance.classlists";
    static final String RECORD_PROPERTY = "appliance.classlists.record";

    private final LambdaFunctionConfig config;
    private final AtomicReference<FunctionClassLoader> prepared = new AtomicReference<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final CompletableFuture<Void> preloaded = new CompletableFuture<>();

    private ClassPreloader(LambdaFunctionConfig config) {
        this.config = config;
    }

    /** Starts preloading the function's classes when there is a list of them; otherwise does nothing. */
    static ClassPreloader start(LambdaFunctionConfig config) {
        ClassPreloader preloader = new ClassPreloader(config);
        Path list = listFile(config);
        if (list != null && Files.isRegularFile(list) && !Boolean.getBoolean(RECORD_PROPERTY)) {
            List<String> names = read(list);
            FunctionClassLoader loader = new FunctionClassLoader(config.classpath());
            preloader.prepared.set(loader);
            Thread thread = new Thread(() -> {
                load(names, loader);
                preloader.preloaded.complete(null);
            }, "preload-" + config.functionName());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        } else {
            preloader.preloaded.complete(null);
        }
        return preloader;
    }

    /** Done when the background loading is (at once when there was nothing to load). */
    CompletableFuture<Void> preloaded() {
        return preloaded;
    }

    /** The loader of a new environment: the preloaded one for the first, a fresh one for any other. */
    FunctionClassLoader loaderForNewEnvironment() {
        FunctionClassLoader loader = prepared.getAndSet(null);
        if (loader == null) {
            loader = new FunctionClassLoader(config.classpath());
            if (Boolean.getBoolean(RECORD_PROPERTY) && recording.compareAndSet(false, true)) {
                recordAtExit(loader);
            }
        }
        return loader;
    }

    private static void load(List<String> names, FunctionClassLoader loader) {
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError gone) {
                // Not there any more, or not loadable: the environment meets the same when it needs the class.
            }
        }
    }

    private void recordAtExit(FunctionClassLoader loader) {
        Path list = listFile(config);
        if (list == null) {
            return;
        }
        loader.recordDefinedClasses();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(list, loader.definedClasses()),
                "record-classes-" + config.functionName()));
    }

    static void write(Path list, List<String> classes) {
        try {
            Files.createDirectories(list.getParent());
            Files.write(list, classes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Only speed is lost: the next run loads the classes as they are needed.
        }
    }

    /** One file per function and class path: another template's function of the same name has another list. */
    static Path listFile(LambdaFunctionConfig config) {
        String folder = System.getProperty(LISTS_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        String key = config.logicalId() + "-" + Integer.toHexString(config.classpath().toString().hashCode());
        return Path.of(folder).resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".classes");
    }

    private static List<String> read(Path list) {
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
