package appliance.engine.graph;

import java.util.List;

/**
 * A state machine as a graph: its states and the transitions between them, with Parallel branches and
 * Map iterations as nested graphs. Drawn as Mermaid or Graphviz, and by the web debugger.
 *
 * @param startAt the name of the first state
 * @param nodes the states, in definition order
 * @param edges the transitions
 */
public record StateGraph(String startAt, List<Node> nodes, List<Edge> edges) {

    public StateGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * One state.
     *
     * @param name the state's name, unique within its graph
     * @param type the ASL type (Task, Choice, ...)
     * @param end true when the execution (or its branch) can end here
     * @param branches Parallel's branches, or Map's one item processor; empty for other types
     */
    public record Node(String name, String type, boolean end, List<StateGraph> branches) {

        public Node {
            branches = List.copyOf(branches);
        }
    }

    /** Why one state leads to another. */
    public enum EdgeKind { NEXT, CHOICE, DEFAULT, CATCH }

    /**
     * A transition.
     *
     * @param label for a Choice rule, a short form of its condition; for a Catch, the errors it catches
     */
    public record Edge(String from, String to, EdgeKind kind, String label) {
    }
}
