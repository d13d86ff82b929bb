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
