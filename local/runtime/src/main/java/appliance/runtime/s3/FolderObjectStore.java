package appliance.runtime.s3;

import appliance.engine.maprun.ObjectStore;
import appliance.engine.maprun.ObjectStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * S3 buckets in a folder, one sub-folder per bucket and one file per object (a key's slashes are
 * folders): what {@code --s3-dir} names. A key may not leave its bucket's folder ({@code ..}).
 */
public final class FolderObjectStore implements ObjectStore {

    private final Path root;

    public FolderObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path bucket(String bucket) {
        if (bucket.isEmpty() || bucket.contains("/") || bucket.contains("\\") || bucket.startsWith(".")) {
            throw new ObjectStoreException("Invalid bucket name '" + bucket + "'.");
        }
        return root.resolve(bucket);
    }

    private Path object(String bucket, String key) {
        Path folder = bucket(bucket);
        Path file = folder.resolve(key).normalize();
        if (key.isEmpty() || !file.startsWith(folder) || file.equals(folder)) {
            throw new ObjectStoreException("Invalid key '" + key + "' in bucket '" + bucket + "'.");
        }
        return file;
    }

    @Override
    public byte[] get(String bucket, String key) {
        Path file = object(bucket, key);
        if (!Files.isDirectory(bucket(bucket))) {
            throw new ObjectStoreException("NoSuchBucket: the bucket '" + bucket + "' does not exist (no folder "
                    + bucket(bucket) + ").");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ObjectStoreException("NoSuchKey: s3://" + bucket + "/" + key + " does not exist (no file " + file + ").");
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        Path folder = bucket(bucket);
        if (!Files.isDirectory(folder)) {
            throw new ObjectStoreException("NoSuchBucket: the bucket '" + bucket + "' does not exist (no folder " + folder + ").");
        }
        List<ObjectSummary> listed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (key.startsWith(prefix)) {
                    byte[] content = Files.readAllBytes(file);
                    listed.add(new ObjectSummary(key, content.length, "\"" + md5(content) + "\"",
                            Files.getLastModifiedTime(file).toInstant().toString(), "STANDARD"));
                }
            }
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        listed.sort((a, b) -> a.key().compareTo(b.key()));
        return listed;
    }

    @Override
    public void put(String bucket, String key, byte[] content) {
        Path file = object(bucket, key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, content);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
