package appliance.workflow;

import appliance.functions.testing.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's state machine definition and mock config, read as the tests need them. */
final class WorkflowDefinition {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    static Path file(String relative) {
        return SampleEvents.projectRoot().resolve(relative);
    }

    static JsonNode read(String relative) {
        try {
            return JSON.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode definition() {
        return read("statemachine/cook-workflow.asl.json");
    }

    /** The names of the states a state can go to next: Next, Default, each Choice's and each Catch's Next. */
    static List<String> successors(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.hasNonNull("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.hasNonNull("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(choice -> next.add(choice.path("Next").asText()));
        state.path("Catch").forEach(catcher -> next.add(catcher.path("Next").asText()));
        return next;
    }

    static Set<String> reachableStates(JsonNode definition) {
        Set<String> reached = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(definition.path("StartAt").asText()));
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            JsonNode state = definition.path("States").get(name);
            if (state != null && reached.add(name)) {
                pending.addAll(successors(state));
            }
        }
        return reached;
    }

    /** Every ${Name} placeholder in the definition's text. */
    static Set<String> placeholders(JsonNode definition) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition.toString());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private WorkflowDefinition() {
    }
}
