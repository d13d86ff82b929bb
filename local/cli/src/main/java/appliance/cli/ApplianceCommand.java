package appliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/appliance}: the project's command. Each subcommand is a class of its own in this package. */
@Command(
        name = "appliance",
        mixinStandardHelpOptions = true,
        version = "appliance 1.0.0-SNAPSHOT",
        description = "Runs the appliance cook-event workflow and its parts on this machine.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, TestCommand.class, PutEventsCommand.class, InvokeCommand.class, GraphCommand.class, ExecuteCommand.class,
                ConformanceCommand.class, BenchCommand.class, ServeCommand.class})
public final class ApplianceCommand implements Runnable {

    /** Exit code for a problem the user can fix: a missing file, bad JSON, an unknown name. */
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int exitCode = commandLine.execute(args);
        // Commands print through picocli's writers, which flush only at line ends.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    static CommandLine commandLine() {
        return new CommandLine(new ApplianceCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    if (exception instanceof UserError) {
                        commandLine.getErr().println("bin/appliance " + commandLine.getCommandName() + ": "
                                + exception.getMessage());
                        return USER_ERROR;
                    }
                    throw exception;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
