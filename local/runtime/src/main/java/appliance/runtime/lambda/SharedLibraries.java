package appliance.runtime.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries a function's class loader takes from the runtime's own class loader instead of loading them again:
 * only Jackson (core, databind, annotations), and only when the function's jar is byte for byte the runtime's jar.
 *
 * <p>Why: each in-process function's class loader used to load its own Jackson, some 700 classes per function,
 * parsed, verified and run cold each time; the runtime has already loaded the same jar's classes (from the start-up
 * archive) and compiled their hot code. That was the largest piece of a function's cold start here after its own
 * logging library.
 *
 * <p>Why only Jackson: a shared class shares its static state. Jackson keeps none a function could tell apart from
 * a fresh JVM (its global state is caches, bounded, keyed by class); the function still sees only the jars its build
 * lists (a function without Jackson cannot load it), and the version it packaged (an identical jar, checked by
 * SHA-256 when it is not the same file). Log4j, SLF4J and Powertools are NOT shared: their static state (the
 * logging configuration, the bound logger factory, Powertools' cold-start flag) is per function on Lambda, where
 * each function is its own JVM.
 */
final class SharedLibraries {
    /** One class of each shareable library, which finds its jar in a class loader. */
    private static final List<String> MARKERS = List.of(
            "com/fasterxml/jackson/core/JsonFactory.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "com/fasterxml/jackson/annotation/JsonProperty.class");

    private static final Map<Path, Set<String>> PACKAGES = new ConcurrentHashMap<>();
    private static final Map<Path, String> DIGESTS = new ConcurrentHashMap<>();

    private SharedLibraries() {
    }

    /**
     * The packages the function's loader should take from {@code runtimeLoader}: those of each shareable library
     * whose one jar on the function's classpath is identical to the runtime's. Empty when there is none.
     */
    static Set<String> packagesToShare(URLClassLoader functionLoader, ClassLoader runtimeLoader) {
        Set<String> shared = new HashSet<>();
        for (String marker : MARKERS) {
            Path runtimeJar = jarOf(runtimeLoader.getResource(marker));
            if (runtimeJar == null) {
                continue;
            }
            List<URL> functionCopies = functionCopies(functionLoader, marker);
            // Two copies (a fat jar and the library, two versions): which one wins is the function's business.
            if (functionCopies.size() == 1) {
                Path functionJar = jarOf(functionCopies.get(0));
                if (functionJar != null && identical(functionJar, runtimeJar)) {
                    shared.addAll(PACKAGES.computeIfAbsent(runtimeJar, SharedLibraries::packagesOf));
                }
            }
        }
        return Collections.unmodifiableSet(shared);
    }

    private static List<URL> functionCopies(URLClassLoader functionLoader, String marker) {
        try {
            return Collections.list(functionLoader.findResources(marker));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The jar file a class was found in, or null for a folder or anything else. */
    static Path jarOf(URL resource) {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        String spec = resource.getFile();
        int separator = spec.indexOf("!/");
        if (separator < 0 || !spec.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(new URL(spec.substring(0, separator)).toURI());
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The same file, or two files with the same bytes (a copy in a sam build's lib/, say). */
    static boolean identical(Path a, Path b) {
        try {
            if (Files.isSameFile(a, b)) {
                return true;
            }
            return Files.size(a) == Files.size(b) && digest(a).equals(digest(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static String digest(Path jar) throws IOException {
        String known = DIGESTS.get(jar);
        if (known != null) {
            return known;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String digest = Arrays.toString(((DigestInputStream) in).getMessageDigest().digest());
            DIGESTS.put(jar, digest);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The packages of the classes in a jar (its multi-release variants are of the same packages). */
    private static Set<String> packagesOf(Path jar) {
        Set<String> packages = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && slash > 0) {
                    packages.add(name.substring(0, slash).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            // Unreadable: share nothing of it; the function's own loader reports the problem when it loads.
            return Set.of();
        }
        return Set.copyOf(packages);
    }
}
