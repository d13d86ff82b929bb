package appliance.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Builds a {@link StateGraph} from a definition's JSON. It draws what is written, valid or not. */
public final class StateGraphs {

    private StateGraphs() {
    }

    public static StateGraph of(JsonNode definition) {
        List<StateGraph.Node> nodes = new ArrayList<>();
        List<StateGraph.Edge> edges = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : definition.path("States").properties()) {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText("?");
            boolean end = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            nodes.add(new StateGraph.Node(name, type, end, branches(state)));
            addEdges(name, state, edges);
        }
        return new StateGraph(definition.path("StartAt").asText(null), nodes, edges);
    }

    private static List<StateGraph> branches(JsonNode state) {
        List<StateGraph> branches = new ArrayList<>();
        state.path("Branches").forEach(branch -> branches.add(of(branch)));
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        if (processor != null) {
            branches.add(of(processor));
        }
        return branches;
    }

    private static void addEdges(String from, JsonNode state, List<StateGraph.Edge> edges) {
        if (state.hasNonNull("Next")) {
            edges.add(new StateGraph.Edge(from, state.get("Next").asText(), StateGraph.EdgeKind.NEXT, null));
        }
        for (JsonNode choice : state.path("Choices")) {
            edges.add(new StateGraph.Edge(from, choice.path("Next").asText(), StateGraph.EdgeKind.CHOICE,
                    ChoiceLabels.of(choice)));
        }
        if (state.hasNonNull("Default")) {
            edges.add(new StateGraph.Edge(from, state.get("Default").asText(), StateGraph.EdgeKind.DEFAULT, "Default"));
        }
        for (JsonNode catcher : state.path("Catch")) {
            String errors = StreamSupport.stream(catcher.path("ErrorEquals").spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.joining(", "));
            edges.add(new StateGraph.Edge(from, catcher.path("Next").asText(), StateGraph.EdgeKind.CATCH, errors));
        }
    }
}
