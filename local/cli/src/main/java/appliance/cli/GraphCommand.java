package appliance.cli;

import appliance.engine.graph.DotDiagram;
import appliance.engine.graph.MermaidDiagram;
import appliance.engine.graph.StateGraph;
import appliance.engine.graph.StateGraphs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--definition", paramLabel = "FILE", defaultValue = "statemachine/cook-workflow.asl.json",
            description = "The ASL definition to draw (default: ${DEFAULT-VALUE}).")
    String definition;

    @Option(names = "--format", defaultValue = "mermaid", description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        JsonNode json = JsonFiles.read(definition);
        StateGraph graph = StateGraphs.of(json);
        spec.commandLine().getOut().print(format == Format.dot ? DotDiagram.render(graph) : MermaidDiagram.render(graph));
        return 0;
    }
}
