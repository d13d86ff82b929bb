package appliance.runtime.lambda.runtimeapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The runtime interface clients a function's process runs, shipped as resources of this module: the Node.js and
 * Python loops of this project ({@code nodejs/index.mjs}, {@code python/bootstrap.py}), and AWS's Java client with
 * the libraries it needs ({@code java/*.jar}, copied there by the build). Run from a class folder they are used in
 * place; from a jar they are copied once into a folder under {@code java.io.tmpdir}.
 */
public final class RuntimeClients {
    static final String ROOT = "appliance/runtime/lambda/runtimeapi/clients/";
    /** A file every copy of the clients has: where they are is found from it. */
    static final String MARKER = "nodejs/index.mjs";

    private static volatile Path folder;

    private RuntimeClients() {
    }

    /** The folder holding the clients (LAMBDA_RUNTIME_DIR). */
    public static Path folder() {
        Path found = folder;
        if (found == null) {
            synchronized (RuntimeClients.class) {
                found = folder;
                if (found == null) {
                    found = locate();
                    folder = found;
                }
            }
        }
        return found;
    }

    /** AWS's Java runtime interface client and the libraries it needs, for a function's classpath. */
    public static List<Path> javaClient() {
        Path jars = folder().resolve("java");
        try (var files = Files.list(jars)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("no jar in " + jars);
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("AWS's Java runtime interface client is missing (" + e.getMessage()
                    + "); rebuild local/runtime", e);
        }
    }

    private static volatile Path javaNativeLibrary;

    /**
     * The Java client's JNI library for this machine, unpacked once beside its jars. Left to itself the client
     * unpacks it at start to one fixed path, {@code /tmp/.libaws-lambda-jni.so}, in every process: on Lambda
     * each environment has a /tmp of its own, here they share one, and a second environment starting while the
     * first maps the file crashed with SIGBUS. The client loads the file that its system property
     * {@value #JAVA_NATIVE_LIBRARY_PROPERTY} names instead.
     */
    public static Path javaNativeLibrary() {
        Path found = javaNativeLibrary;
        if (found == null) {
            synchronized (RuntimeClients.class) {
                found = javaNativeLibrary;
                if (found == null) {
                    found = unpackNativeLibrary();
                    javaNativeLibrary = found;
                }
            }
        }
        return found;
    }

    /** The system property through which AWS's Java client takes the path of its JNI library. */
    public static final String JAVA_NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path unpackNativeLibrary() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("aarch_64") ? "aarch64" : "x86_64") + ".so.1"));
        String name = "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
        Path client = javaClient().stream()
                .filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "AWS's Java runtime interface client jar is missing from " + folder().resolve("java")));
        Path target = client.resolveSibling(name);
        try {
            if (Files.isRegularFile(target) && Files.size(target) > 0) {
                return target;
            }
            try (var zip = new java.util.zip.ZipFile(client.toFile())) {
                var entry = zip.getEntry("jni/" + name);
                if (entry == null) {
                    throw new IOException(client + " has no jni/" + name);
                }
                // Written aside, then moved into place: a process never maps a half-written library.
                Path staging = Files.createTempFile(target.getParent(), ".jni-", ".so");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack the Java runtime interface client's JNI library: "
                    + e.getMessage(), e);
        }
    }

    private static Path locate() {
        URL marker = RuntimeClients.class.getClassLoader().getResource(ROOT + MARKER);
        if (marker == null) {
            throw new IllegalStateException("The Lambda runtime clients are not on the class path (" + ROOT
                    + "); rebuild local/runtime");
        }
        try {
            if (marker.getProtocol().equals("file")) {
                return Path.of(marker.toURI()).getParent().getParent();
            }
            return extract(marker);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot prepare the Lambda runtime clients: " + e.getMessage(), e);
        }
    }

    /** From a jar: copy the clients into a folder of their own, named by the jar's size and time. */
    private static Path extract(URL marker) throws IOException {
        String jar = marker.getPath().substring(0, marker.getPath().indexOf('!'));
        Path jarFile = Path.of(java.net.URI.create(jar));
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "appliance-lambda-clients-"
                + Files.size(jarFile) + "-" + Files.getLastModifiedTime(jarFile).toMillis());
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "appliance-lambda-clients-");
        try (var zip = new java.util.zip.ZipFile(jarFile.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (entry.getName().startsWith(ROOT) && !entry.isDirectory()) {
                    Path out = staging.resolve(entry.getName().substring(ROOT.length()));
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherProcessWasFirst) {
            if (!Files.isRegularFile(target.resolve(MARKER))) {
                throw anotherProcessWasFirst;
            }
        }
        return target;
    }
}
