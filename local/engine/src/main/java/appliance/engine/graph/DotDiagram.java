package appliance.engine.graph;

import java.util.List;

/** Draws a {@link StateGraph} in Graphviz's DOT language. */
public final class DotDiagram {

    private final StringBuilder out = new StringBuilder();
    private int clusters;

    private DotDiagram() {
    }

    public static String render(StateGraph graph) {
        DotDiagram diagram = new DotDiagram();
        diagram.out.append("digraph StateMachine {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n");
        diagram.graph(graph, "", "  ");
        diagram.out.append("}\n");
        return diagram.out.toString();
    }

    private void graph(StateGraph graph, String scope, String indent) {
        String start = quote(scope + "(start)");
        out.append(indent).append(start).append(" [shape=circle, label=\"start\"];\n");
        for (StateGraph.Node node : graph.nodes()) {
            node(node, scope, indent);
        }
        if (graph.startAt() != null) {
            out.append(indent).append(start).append(" -> ").append(quote(scope + graph.startAt())).append(";\n");
        }
        for (StateGraph.Edge edge : graph.edges()) {
            out.append(indent).append(quote(scope + edge.from())).append(" -> ").append(quote(scope + edge.to()));
            String style = edge.kind() == StateGraph.EdgeKind.CATCH ? "style=dashed, " : "";
            String label = edge.label() == null ? "" : "label=" + quote(edge.kind() == StateGraph.EdgeKind.CATCH
                    ? "Catch " + edge.label() : edge.label());
            if (!style.isEmpty() || !label.isEmpty()) {
                out.append(" [").append(style).append(label).append(']');
            }
            out.append(";\n");
        }
    }

    private void node(StateGraph.Node node, String scope, String indent) {
        String shape = switch (node.type()) {
            case "Choice" -> "diamond";
            case "Succeed", "Fail" -> "doubleoctagon";
            default -> "box";
        };
        out.append(indent).append(quote(scope + node.name())).append(" [shape=").append(shape)
                .append(", label=").append(quote(node.name() + "\\n(" + node.type() + ")")).append("];\n");
        List<StateGraph> branches = node.branches();
        for (int i = 0; i < branches.size(); i++) {
            out.append(indent).append("subgraph cluster_").append(clusters++).append(" {\n")
                    .append(indent).append("  label=").append(quote(node.name() + " branch " + (i + 1))).append(";\n");
            graph(branches.get(i), scope + node.name() + "/" + i + "/", indent + "  ");
            out.append(indent).append("}\n");
            out.append(indent).append(quote(scope + node.name())).append(" -> ")
                    .append(quote(scope + node.name() + "/" + i + "/(start)")).append(" [style=dotted];\n");
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + "\"";
    }
}
