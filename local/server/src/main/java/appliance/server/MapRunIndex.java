package appliance.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's index of Map Runs: each one's latest row (as {@link MapRuns} writes it), the Map Runs of
 * each execution, and each Map Run's children with the number of items each carries.
 */
final class MapRunIndex {

    /** A child execution of a Map Run and how many items it carries (a batch carries several). */
    record Child(StoredExecution execution, int items) {
    }

    private final Map<String, ObjectNode> rows = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byExecution = new ConcurrentHashMap<>();
    private final Map<String, List<Child>> children = new ConcurrentHashMap<>();
    private final Map<String, String> mapRunOfChild = new ConcurrentHashMap<>();

    void saved(ObjectNode row) {
        String arn = row.get("mapRunArn").asText();
        if (rows.put(arn, row) == null) {
            List<String> list = byExecution.computeIfAbsent(row.get("executionArn").asText(), key -> new ArrayList<>());
            synchronized (list) {
                list.add(arn);
            }
        }
    }

    void child(String mapRunArn, StoredExecution execution, int items) {
        List<Child> list = children.computeIfAbsent(mapRunArn, key -> new ArrayList<>());
        synchronized (list) {
            list.add(new Child(execution, items));
        }
        mapRunOfChild.put(execution.executionArn, mapRunArn);
    }

    Optional<ObjectNode> row(String mapRunArn) {
        return Optional.ofNullable(rows.get(mapRunArn));
    }

    /** The Map Runs whose children run as {@code childMachineArn}. */
    List<ObjectNode> rowsWithMachine(String childMachineArn) {
        return rows.values().stream().filter(row -> row.path("stateMachineArn").asText().equals(childMachineArn))
                .toList();
    }

    /** The Map Runs an execution started, oldest first. */
    List<ObjectNode> ofExecution(String executionArn) {
        List<String> arns = byExecution.getOrDefault(executionArn, List.of());
        synchronized (arns) {
            return arns.stream().map(rows::get).toList();
        }
    }

    List<Child> children(String mapRunArn) {
        List<Child> list = children.getOrDefault(mapRunArn, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The Map Run that started an execution, or null for one started otherwise. */
    String mapRunOf(String executionArn) {
        return mapRunOfChild.get(executionArn);
    }
}
