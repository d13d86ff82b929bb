package appliance.runtime.hybrid;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials hybrid mode signs with. {@code sam local start-lambda} and other local endpoints accept
 * any, so without configuration these are fixed dummy keys (no profile lookup, no instance metadata
 * call that would stall a run offline); keys set in the environment ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, optionally {@code AWS_SESSION_TOKEN}) are used instead, so a real AWS
 * endpoint works too.
 */
final class LocalCredentials {

    static final String DUMMY_KEY = "appliance-local";

    private LocalCredentials() {
    }

    static AwsCredentialsProvider from(Map<String, String> environment) {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (isBlank(keyId) || isBlank(secret)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY));
        }
        String token = environment.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(isBlank(token)
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
