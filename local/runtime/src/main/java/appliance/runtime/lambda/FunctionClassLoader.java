package appliance.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The class loader of one execution environment: the function's own classes and jars, isolated from the runtime's
 * (and from other functions and other environments of the same function, so static state is per environment as in
 * Lambda, where each environment is its own JVM).
 *
 * <p>Delegation, and why:
 * <ul>
 * <li>The JDK comes from the platform class loader (the parent). The runtime's own libraries (Jackson, snakeyaml,
 *     event-ruler, ...) are NOT visible: a function gets exactly the dependencies its build lists, as in its
 *     deployment package, so a missing dependency fails here as it would on AWS.</li>
 * <li>Everything else is looked up in the function's classpath first (child-first), including
 *     aws-lambda-java-events and any Jackson the function brings.</li>
 * <li>Exception: the aws-lambda-java-core API ({@code com.amazonaws.services.lambda.runtime.*} top-level types such as
 *     Context, LambdaLogger, RequestHandler, RequestStreamHandler, and its {@code logging} package) always comes
 *     from the runtime's class loader. The runtime creates the Context and calls handleRequest through these
 *     interfaces; if the function loaded its own copy, its {@code Context} would be a different class and the
 *     runtime's Context could not be passed (ClassCastException / "argument type mismatch"), nor could the runtime
 *     cast the handler to RequestHandler. Lambda's own runtime does the same: the core classes come from the
 *     system class loader, whatever version the function packaged. Sub-packages such as {@code .events} and
 *     {@code .serialization} are NOT shared: they belong to the function.</li>
 * <li>Exception: Jackson, when the function's jar of it is identical to the runtime's, comes from the runtime's
 *     class loader, already loaded and compiled: a quicker cold start, and nothing a function could tell apart
 *     (see {@link SharedLibraries} for what is shared, what is not and why).</li>
 * </ul>
 */
final class FunctionClassLoader extends URLClassLoader {
    private static final String CORE_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String CORE_LOGGING_PACKAGE = CORE_PACKAGE + "logging.";
    private static final ClassLoader CORE_LOADER = Context.class.getClassLoader();
    /** The runtime's own libraries, of which Jackson may be shared. */
    private static final ClassLoader RUNTIME_LOADER = FunctionClassLoader.class.getClassLoader();

    /** The packages taken from the runtime's loader (see {@link SharedLibraries}). */
    private final Set<String> sharedPackages;
    /** The classes this loader defined, in order, when asked to keep them (see {@link ClassPreloader}). */
    private volatile List<String> defined;

    static {
        registerAsParallelCapable();
    }

    FunctionClassLoader(List<Path> classpath) {
        super(toUrls(classpath), ClassLoader.getPlatformClassLoader());
        this.sharedPackages = SharedLibraries.packagesToShare(this, RUNTIME_LOADER);
    }

    /** True when {@code className} comes from the runtime's loader: a class of its Jackson, shared. */
    boolean sharesWithRuntime(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && sharedPackages.contains(className.substring(0, dot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isCoreApi(name)) {
            return CORE_LOADER.loadClass(name);
        }
        if (sharesWithRuntime(name)) {
            return RUNTIME_LOADER.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> found = super.findClass(name);
        List<String> keeping = defined;
        if (keeping != null) {
            keeping.add(name);
        }
        return found;
    }

    /** From now on, keeps the names of the classes this loader defines. */
    void recordDefinedClasses() {
        defined = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    }

    /** The classes defined since {@link #recordDefinedClasses()}, in the order they were. */
    List<String> definedClasses() {
        List<String> keeping = defined;
        if (keeping == null) {
            return List.of();
        }
        synchronized (keeping) {
            return List.copyOf(keeping);
        }
    }

    /** True when this loader has loaded the class, by itself or from another loader (for tests). */
    boolean hasLoaded(String className) {
        return findLoadedClass(className) != null;
    }

    static boolean isCoreApi(String className) {
        if (className.startsWith(CORE_LOGGING_PACKAGE)) {
            return className.indexOf('.', CORE_LOGGING_PACKAGE.length()) < 0;
        }
        return className.startsWith(CORE_PACKAGE) && className.indexOf('.', CORE_PACKAGE.length()) < 0;
    }

    private static URL[] toUrls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new LambdaConfigurationException("Classpath entry " + classpath.get(i) + " is not a valid path");
            }
        }
        return urls;
    }
}
