package appliance.server;

/**
 * AWS's rules for state machine and execution names: 1 to 80 characters, none of them white space,
 * brackets, wildcards, the special characters {@code " # % \ ^ | ~ ` $ & , ; : /}, or control characters.
 */
final class Names {

    static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {
    }

    /** @throws ApiException ValidationException for a bad length, InvalidName for a bad character */
    static void check(String name, String field) {
        if (name.isEmpty()) {
            throw ApiException.constraint(name, field, "Member must have length greater than or equal to 1");
        }
        if (name.length() > MAX_LENGTH) {
            throw ApiException.constraint(name, field, "Member must have length less than or equal to 80");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                throw ApiException.invalidName(name);
            }
        }
    }
}
