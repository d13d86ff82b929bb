package appliance.cli;

/**
 * Something the user can fix (a missing file, bad JSON, an unknown name): printed as one line naming
 * the problem, with exit code 2; never a stack trace.
 */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message, null, false, false);
    }
}
