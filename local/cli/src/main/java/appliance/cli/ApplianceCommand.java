package appliance.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/appliance}: the project's command. Each subcommand is a class of its own in this package. */
@Command(
        name = "bin/appliance",
        mixinStandardHelpOptions = true,
        version = ApplianceCommand.VERSION,
        description = "Runs the appliance cook-event workflow and its parts on this machine.",
        subcommands = CommandLine.HelpCommand.class)
public final class ApplianceCommand implements java.util.concurrent.Callable<Integer> {

    static final String VERSION = "appliance 1.0.0-SNAPSHOT";

    /** The commands, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    /** Exit code for a problem the user can fix: a missing file, bad JSON, an unknown name, a bad command line. */
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Answered before picocli reads every command's options: a check that the tool is there stays instant.
            System.out.println(VERSION);
            return;
        }
        CommandLine commandLine = commandLine(args.length == 0 ? null : args[0]);
        int exitCode = commandLine.execute(args);
        // Commands print through picocli's writers, which flush only at line ends.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The full command line, every command on it (for tests, the usage and "did you mean"). */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: when that names a command, only
     * that one is set up (picocli reads each command's annotations when it is added, which costs start-up
     * time); otherwise all of them, for the usage and the suggestions.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new ApplianceCommand());
        if (first != null && COMMANDS.containsKey(first)) {
            commandLine.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        return commandLine
                .setParameterExceptionHandler(new CommandLineProblems())
                .setExecutionExceptionHandler((exception, failed, parseResult) -> {
                    if (exception instanceof UserError) {
                        failed.getErr().println(failed.getCommandSpec().qualifiedName(" ") + ": " + exception.getMessage());
                        return USER_ERROR;
                    }
                    throw exception;
                });
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("test", TestCommand::new);
        commands.put("put-events", PutEventsCommand::new);
        commands.put("invoke", InvokeCommand::new);
        commands.put("graph", GraphCommand::new);
        commands.put("execute", ExecuteCommand::new);
        commands.put("conformance", ConformanceCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("serve", ServeCommand::new);
        return commands;
    }

    /** No command: the usage on stderr and exit 2, as a shell tool does (and sam with no command). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USER_ERROR;
    }
}
