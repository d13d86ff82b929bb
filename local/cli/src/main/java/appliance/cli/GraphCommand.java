package appliance.cli;

import appliance.engine.graph.DotDiagram;
import appliance.engine.graph.MermaidDiagram;
import appliance.engine.graph.StateGraph;
import appliance.engine.graph.StateGraphs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import appliance.runtime.template.SamTemplate;
import appliance.runtime.template.StateMachineResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code bin/appliance graph}: the state machine as a Mermaid or Graphviz diagram. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the state machine as a diagram (Mermaid, which GitHub draws, or Graphviz DOT).")
final class GraphCommand implements Callable<Integer> {

    enum Format { mermaid, dot }

    @Spec
    CommandSpec spec;

    @Option(names = "--definition", paramLabel = "FILE",
            description = "The ASL definition to draw (default: the state machine of the template).")
    String definition;

    @Mixin
    TemplateOptions templateOptions = new TemplateOptions();

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID", description = "The state machine, when the template has several.")
    String stateMachineId;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        JsonNode json = definition != null ? JsonFiles.read(definition) : templatesDefinition();
        StateGraph graph = StateGraphs.of(json);
        spec.commandLine().getOut().print(format == Format.dot ? DotDiagram.render(graph) : MermaidDiagram.render(graph));
        return 0;
    }

    /** The definition of the template's state machine (its only one, or --state-machine's), substitutions applied. */
    private JsonNode templatesDefinition() {
        SamTemplate template = templateOptions.load();
        StateMachineResource machine = stateMachineId != null
                ? template.stateMachine(stateMachineId).orElseThrow(() -> new UserError("no state machine " + stateMachineId
                        + " in " + templateOptions.template))
                : template.stateMachines().size() == 1 ? template.stateMachines().get(0) : null;
        if (machine == null) {
            throw new UserError("the template has " + template.stateMachines().size()
                    + " state machines; say which with --state-machine, or give --definition");
        }
        try {
            return JsonFiles.JSON.readTree(machine.definition());
        } catch (java.io.IOException e) {
            throw new UserError(machine.logicalId() + ": the definition is not JSON: " + e.getMessage());
        }
    }
}
