package appliance.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot take: one line saying what is wrong (with "did you mean" for a
 * mistyped command or option), one line saying where the help is, exit code 2. No usage dump: it pushes
 * the one line that matters off the screen.
 */
final class CommandLineProblems implements IParameterExceptionHandler {

    /** A word this many edits away from a command (or closer) is taken for a typo of it. */
    private static final int TYPO_DISTANCE = 2;

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName(" ");
        err.println(command + ": " + message(problem));
        err.println("Run '" + command + " --help' for " + (commandLine.getParent() == null ? "the commands." : "its options."));
        err.flush();
        return ApplianceCommand.USER_ERROR;
    }

    private static String message(ParameterException problem) {
        if (!(problem instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return problem.getMessage();
        }
        String first = unmatched.getUnmatched().get(0);
        CommandLine where = unmatched.getCommandLine();
        boolean isCommand = where.getParent() == null && !first.startsWith("-");
        List<String> candidates = isCommand ? List.copyOf(where.getSubcommands().keySet())
                : List.copyOf(where.getCommandSpec().optionsMap().keySet());
        String what = isCommand ? "no command '" + first + "'" : "unknown argument '" + first + "'";
        return closest(first, candidates).map(name -> what + "; did you mean '" + name + "'?").orElse(what);
    }

    /** The candidate the word is a typo of: the fewest edits, within {@link #TYPO_DISTANCE}. */
    static Optional<String> closest(String word, List<String> candidates) {
        return candidates.stream()
                .filter(candidate -> distance(word, candidate) <= TYPO_DISTANCE)
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
