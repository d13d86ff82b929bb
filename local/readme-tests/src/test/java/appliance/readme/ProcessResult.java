package appliance.readme;

/** What a finished process printed, and how it exited. */
record ProcessResult(int exitCode, String out, String err) {

    /** For assertion messages: everything the process said. */
    String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
