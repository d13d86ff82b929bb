package appliance.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextToken} of the List* and GetExecutionHistory actions: the position of the next
 * page, tied to the action and the resource it pages over, so a token from one listing is refused by
 * another with InvalidToken, as AWS does.
 */
final class PageToken {

    private PageToken() {
    }

    static String encode(String scope, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, 0 when there is no token */
    static long decode(String scope, String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = text.lastIndexOf('\n');
            if (newline < 0 || !text.substring(0, newline).equals(scope)) {
                throw ApiException.invalidToken(token);
            }
            long position = Long.parseLong(text.substring(newline + 1));
            if (position < 0) {
                throw ApiException.invalidToken(token);
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidToken(token);
        }
    }
}
