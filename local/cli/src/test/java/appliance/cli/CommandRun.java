package appliance.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs bin/appliance's command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return of(ApplianceCommand.commandLine(), args);
    }

    /**
     * As {@link #of(String...)}, with {@code environment} as the process environment that run's and
     * put-events' Step Functions Local settings read.
     */
    static CommandRun withEnvironment(Map<String, String> environment, String... args) {
        CommandLine commandLine = ApplianceCommand.commandLine();
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (subcommand.getCommand() instanceof RunCommand run) {
                run.runtimeOptions.settings.environment = environment;
            } else if (subcommand.getCommand() instanceof PutEventsCommand putEvents) {
                putEvents.runtimeOptions.settings.environment = environment;
            }
        }
        return of(commandLine, args);
    }

    private static CommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
