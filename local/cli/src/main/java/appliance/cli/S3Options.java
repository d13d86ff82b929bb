package appliance.cli;

import appliance.engine.maprun.ObjectStore;
import appliance.runtime.s3.FolderObjectStore;
import appliance.runtime.s3.S3ClientObjectStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a DISTRIBUTED Map's ItemReader and ResultWriter find S3: a folder of buckets (one sub-folder a
 * bucket; {@code .appliance/s3} in the project unless {@code --s3-dir} names another), or an
 * S3-compatible endpoint through the AWS SDK ({@code --s3-endpoint}).
 */
final class S3Options {

    @Option(names = "--s3-dir", paramLabel = "DIR",
            description = "Distributed Map's S3 buckets: one folder per bucket in DIR (default: .appliance/s3 in the project).")
    Path folder;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "Distributed Map's S3 at an S3-compatible endpoint (moto, MinIO, ...), through the AWS SDK.")
    String endpoint;

    ObjectStore store() {
        if (endpoint != null) {
            if (folder != null) {
                throw new UserError("give --s3-dir or --s3-endpoint, not both");
            }
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new UserError("--s3-endpoint " + endpoint + " is not a URL: " + e.getMessage());
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UserError("--s3-endpoint " + endpoint + " is not a URL such as http://127.0.0.1:5000");
            }
            return S3ClientObjectStore.at(uri, System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        }
        return new FolderObjectStore(folder != null ? folder : ProjectFiles.root().resolve(".appliance").resolve("s3"));
    }
}
