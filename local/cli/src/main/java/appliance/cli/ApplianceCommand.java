package appliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/appliance}: the project's command. Each subcommand is a class of its own in this package. */
@Command(
        name = "appliance",
        mixinStandardHelpOptions = true,
        description = "Runs the appliance cook-event workflow and its parts on this machine.",
        subcommands = {CommandLine.HelpCommand.class, ExecuteCommand.class, ConformanceCommand.class})
public final class ApplianceCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ApplianceCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
