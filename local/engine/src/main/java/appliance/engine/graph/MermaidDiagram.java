package appliance.engine.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws a {@link StateGraph} as a Mermaid flowchart, which GitHub renders in Markdown. */
public final class MermaidDiagram {

    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> ids = new HashMap<>();
    private int nextId;

    private MermaidDiagram() {
    }

    public static String render(StateGraph graph) {
        MermaidDiagram diagram = new MermaidDiagram();
        diagram.out.append("flowchart TD\n");
        diagram.graph(graph, "", "  ");
        return diagram.out.toString();
    }

    private void graph(StateGraph graph, String scope, String indent) {
        String start = "start" + nextId++;
        out.append(indent).append(start).append("((start))\n");
        for (StateGraph.Node node : graph.nodes()) {
            node(node, scope, indent);
        }
        if (graph.startAt() != null) {
            out.append(indent).append(start).append(" --> ").append(id(scope, graph.startAt())).append('\n');
        }
        for (StateGraph.Edge edge : graph.edges()) {
            String arrow = edge.kind() == StateGraph.EdgeKind.CATCH ? " -.->" : " -->";
            String label = edge.label() == null ? "" : "|\"" + escape(edge.kind() == StateGraph.EdgeKind.CATCH
                    ? "Catch " + edge.label() : edge.label()) + "\"|";
            out.append(indent).append(id(scope, edge.from())).append(arrow).append(label).append(' ')
                    .append(id(scope, edge.to())).append('\n');
        }
    }

    private void node(StateGraph.Node node, String scope, String indent) {
        String id = id(scope, node.name());
        String label = "\"" + escape(node.name()) + "\"";
        if (!node.branches().isEmpty()) {
            out.append(indent).append("subgraph ").append(id).append(" [").append(label).append("]\n");
            List<StateGraph> branches = node.branches();
            for (int i = 0; i < branches.size(); i++) {
                graph(branches.get(i), scope + node.name() + "/" + i + "/", indent + "  ");
            }
            out.append(indent).append("end\n");
            return;
        }
        String shape = switch (node.type()) {
            case "Choice" -> "{" + label + "}";
            case "Succeed", "Fail" -> "([" + label + "])";
            case "Pass" -> "[/" + label + "/]";
            case "Wait" -> "[(" + label + ")]";
            default -> "[" + label + "]";
        };
        out.append(indent).append(id).append(shape).append('\n');
    }

    /** Mermaid ids must be plain words; state names can hold anything, so each gets a generated id. */
    private String id(String scope, String name) {
        return ids.computeIfAbsent(scope + name, key -> "s" + nextId++);
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;");
    }
}
