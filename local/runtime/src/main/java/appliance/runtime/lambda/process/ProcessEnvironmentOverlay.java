package appliance.runtime.lambda.process;

import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives each in-process Lambda its own {@code System.getenv()}.
 *
 * <p>The JDK keeps the process environment in {@code java.lang.ProcessEnvironment.theUnmodifiableEnvironment}, a
 * {@code Collections.unmodifiableMap} that both {@code System.getenv()} and {@code System.getenv(name)} read. This
 * class replaces the map inside that wrapper (its field {@code m}) by an overlay: a thread bound to a function's
 * variables sees them over the process's environment; every other thread sees the process's environment unchanged.
 * The binding is inheritable, so threads a function starts see its variables too.
 *
 * <p>Reaching those fields needs {@code --add-opens java.base/java.util=ALL-UNNAMED --add-opens
 * java.base/java.lang=ALL-UNNAMED}; without them {@link #install()} fails with a message saying so, rather than
 * letting functions silently read the wrong environment. (Unix JDKs; Windows keeps a second, case-insensitive map.)
 */
public final class ProcessEnvironmentOverlay extends AbstractMap<String, String> {
    public static final String REQUIRED_JVM_FLAGS =
            "--add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED";

    private static final InheritableThreadLocal<Map<String, String>> BOUND = new InheritableThreadLocal<>();
    private static boolean installed;

    private final Map<String, String> process;

    private ProcessEnvironmentOverlay(Map<String, String> process) {
        this.process = process;
    }

    /** Installs the overlay once per JVM; later calls do nothing. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Class<?> processEnvironment = Class.forName("java.lang.ProcessEnvironment");
            Field environmentField = processEnvironment.getDeclaredField("theUnmodifiableEnvironment");
            environmentField.setAccessible(true);
            Object wrapper = environmentField.get(null);
            Field inner = wrapper.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> original = (Map<String, String>) inner.get(wrapper);
            inner.set(wrapper, new ProcessEnvironmentOverlay(original));
            // The wrapper caches its keySet/entrySet/values views of the old map: drop them.
            for (String cachedView : new String[] {"keySet", "entrySet", "values"}) {
                Field view = wrapper.getClass().getDeclaredField(cachedView);
                view.setAccessible(true);
                view.set(wrapper, null);
            }
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException failure) {
            throw new IllegalStateException("Cannot give in-process Lambda functions their own environment variables"
                    + " (" + failure + "). Start the JVM with " + REQUIRED_JVM_FLAGS
                    + " (on the java command line; for tests, in maven-surefire-plugin's argLine).", failure);
        }
    }

    /** From now on, this thread and the threads it starts see {@code variables} over the process environment. */
    public static void bindCurrentThread(Map<String, String> variables) {
        BOUND.set(Map.copyOf(variables));
    }

    @Override
    public String get(Object key) {
        Map<String, String> bound = BOUND.get();
        if (bound != null) {
            String value = bound.get(key);
            if (value != null) {
                return value;
            }
        }
        return process.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        Map<String, String> bound = BOUND.get();
        return (bound != null && bound.containsKey(key)) || process.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Map<String, String> bound = BOUND.get();
        if (bound == null) {
            return process.entrySet();
        }
        Map<String, String> merged = new HashMap<>(process);
        merged.putAll(bound);
        return Collections.unmodifiableMap(merged).entrySet();
    }
}
