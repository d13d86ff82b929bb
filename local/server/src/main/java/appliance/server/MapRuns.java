package appliance.server;

import appliance.engine.maprun.MapRun;
import appliance.engine.maprun.MapRunChildren;
import appliance.engine.maprun.MapRunLauncher;
import appliance.engine.maprun.MapRunSettings;
import appliance.engine.maprun.MapRunStart;
import appliance.engine.run.Execution;
import appliance.engine.run.ExecutionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The server's Map Runs: the launcher its engines use for DISTRIBUTED Maps (each child a real execution
 * of this server, see {@link Executions#startChild}), and the actions DescribeMapRun, ListMapRuns and
 * UpdateMapRun. A Map Run's row is written to the store at its start, at each update and at its end;
 * UpdateMapRun answers once its change is durable, and the running Map Run then acts on it.
 */
final class MapRuns implements MapRunLauncher {

    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");

    private final ExecutionStore store;
    private final Executions executions;
    private final Clock clock;
    private final Arns arns;
    private final Map<String, LiveMapRun> live = new ConcurrentHashMap<>();

    MapRuns(ExecutionStore store, Executions executions, Clock clock, Arns arns) {
        this.store = store;
        this.executions = executions;
        this.clock = clock;
        this.arns = arns;
    }

    /** A Map Run while it goes: its settings (UpdateMapRun changes them), who hears of a change, its children. */
    private final class LiveMapRun implements MapRun {
        private final MapRunStart start;
        private volatile MapRunSettings settings;
        private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
        private final List<Execution> children = new CopyOnWriteArrayList<>();
        /** The children the Map Run started before the server restarted, in the order they started. */
        private final List<MapRunIndex.Child> recorded;
        private int started;

        LiveMapRun(MapRunStart start, MapRunSettings settings, List<MapRunIndex.Child> recorded) {
            this.start = start;
            this.settings = settings;
            this.recorded = recorded;
        }

        @Override
        public String arn() {
            return start.mapRunArn();
        }

        @Override
        public Execution startChild(int index, JsonNode input, int itemCount) {
            int position;
            synchronized (this) {
                position = started++;
            }
            // The parent's replay starts the children again in the order they first started: the ones
            // already started are taken up, not started twice.
            Execution child = position < recorded.size()
                    ? executions.reattachChild(start, recorded.get(position).execution(), input)
                    : executions.startChild(start, MapRunChildren.identity(start, UUID.randomUUID().toString()),
                            input, itemCount);
            children.add(child);
            return child;
        }

        @Override
        public MapRunSettings settings() {
            return settings;
        }

        @Override
        public void onSettingsChanged(Runnable change) {
            onChange.add(change);
        }

        @Override
        public void ended(ExecutionStatus status, String error, String cause) {
            live.remove(arn());
            ObjectNode row = store.mapRuns().row(arn()).orElseThrow().deepCopy();
            if ("RUNNING".equals(row.path("status").asText())) {
                // A replayed parent ends a Map Run that ended before the restart again: its row stays.
                row.put("status", status.name());
                row.put("stopDate", clock.instant().toEpochMilli());
                store.saveMapRun(row);
            }
            if (status != ExecutionStatus.SUCCEEDED) {
                for (Execution child : children) {
                    if (child.result().toCompletableFuture().isDone()) {
                        continue;
                    }
                    child.stop("States.Aborted", "The Map Run " + arn() + " ended " + status.name());
                }
            }
        }
    }

    @Override
    public MapRun open(MapRunStart start) {
        ObjectNode kept = store.mapRuns().row(start.mapRunArn()).orElse(null);
        if (kept != null) {
            // The parent resumed by replay after a restart opens its Map Run again (the same ARN: its
            // randomness is its own): the Map Run goes on with its row, settings and children as stored.
            LiveMapRun mapRun = new LiveMapRun(start, settingsOf(kept), store.mapRuns().children(start.mapRunArn()));
            live.put(start.mapRunArn(), mapRun);
            return mapRun;
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("mapRunArn", start.mapRunArn());
        row.put("executionArn", start.parent().executionArn());
        row.put("stateMachineArn", start.parent().stateMachineArn() + "/" + start.label());
        row.put("status", "RUNNING");
        row.put("startDate", clock.instant().toEpochMilli());
        row.put("itemCount", start.itemCount());
        putSettings(row, start.settings());
        store.saveMapRun(row);
        LiveMapRun mapRun = new LiveMapRun(start, start.settings(), List.of());
        live.put(start.mapRunArn(), mapRun);
        return mapRun;
    }

    private static MapRunSettings settingsOf(ObjectNode row) {
        return new MapRunSettings(row.get("maxConcurrency").asInt(),
                row.has("toleratedFailureCount") ? row.get("toleratedFailureCount").asInt() : null,
                row.has("toleratedFailurePercentage") ? row.get("toleratedFailurePercentage").asDouble() : null);
    }

    private static void putSettings(ObjectNode row, MapRunSettings settings) {
        row.put("maxConcurrency", settings.maxConcurrency());
        if (settings.toleratedFailureCount() != null) {
            row.put("toleratedFailureCount", settings.toleratedFailureCount());
        }
        if (settings.toleratedFailurePercentage() != null) {
            row.put("toleratedFailurePercentage", settings.toleratedFailurePercentage());
        }
    }

    private ObjectNode require(String mapRunArn) {
        arns.checkMapRun(mapRunArn);
        return store.mapRuns().row(mapRunArn).orElseThrow(() -> new ApiException("ResourceNotFound",
                "Resource not found: '" + mapRunArn + "'"));
    }

    ObjectNode describe(Request request) {
        String arn = request.requiredString("mapRunArn");
        ObjectNode row = require(arn);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("mapRunArn", arn);
        response.put("executionArn", row.get("executionArn").asText());
        response.put("status", row.get("status").asText());
        response.put("startDate", EpochSeconds.of(Instant.ofEpochMilli(row.get("startDate").asLong())));
        if (row.has("stopDate")) {
            response.put("stopDate", EpochSeconds.of(Instant.ofEpochMilli(row.get("stopDate").asLong())));
        }
        response.put("maxConcurrency", row.get("maxConcurrency").asInt());
        response.put("toleratedFailurePercentage", row.path("toleratedFailurePercentage").asDouble(0));
        response.put("toleratedFailureCount", row.path("toleratedFailureCount").asLong(0));
        counts(arn, row, response);
        response.put("redriveCount", 0);
        return response;
    }

    /** itemCounts and executionCounts, from the children's statuses; what has not started is pending. */
    private void counts(String arn, ObjectNode row, ObjectNode response) {
        long[] items = new long[STATUSES.size()];
        long[] runs = new long[STATUSES.size()];
        long startedItems = 0;
        List<MapRunIndex.Child> children = store.mapRuns().children(arn);
        for (MapRunIndex.Child child : children) {
            int status = STATUSES.indexOf(child.execution().listed().status());
            items[status] += child.items();
            runs[status]++;
            startedItems += child.items();
        }
        long pendingItems = Math.max(0, row.get("itemCount").asLong() - startedItems);
        fill(response.putObject("itemCounts"), items, pendingItems, row.get("itemCount").asLong());
        fill(response.putObject("executionCounts"), runs, 0, children.size());
    }

    private static void fill(ObjectNode counts, long[] byStatus, long pending, long total) {
        counts.put("pending", pending);
        counts.put("running", byStatus[0]);
        counts.put("succeeded", byStatus[1]);
        counts.put("failed", byStatus[2]);
        counts.put("timedOut", byStatus[3]);
        counts.put("aborted", byStatus[4]);
        counts.put("total", total);
        counts.put("resultsWritten", byStatus[1] + byStatus[2] + byStatus[3] + byStatus[4]);
        counts.put("failuresNotRedrivable", 0);
        counts.put("pendingRedrive", 0);
    }

    ObjectNode list(Request request) {
        String executionArn = request.requiredString("executionArn");
        executions.describe(request);
        int max = request.maxResults();
        String scope = "ListMapRuns:" + executionArn;
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        List<ObjectNode> rows = store.mapRuns().ofExecution(executionArn);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("mapRuns");
        int end = (int) Math.min(rows.size(), from + max);
        for (int i = (int) Math.min(from, rows.size()); i < end; i++) {
            ObjectNode row = rows.get(i);
            ObjectNode item = items.addObject();
            item.put("executionArn", executionArn);
            item.put("mapRunArn", row.get("mapRunArn").asText());
            item.put("stateMachineArn", row.get("stateMachineArn").asText());
            item.put("startDate", EpochSeconds.of(Instant.ofEpochMilli(row.get("startDate").asLong())));
            if (row.has("stopDate")) {
                item.put("stopDate", EpochSeconds.of(Instant.ofEpochMilli(row.get("stopDate").asLong())));
            }
        }
        if (end < rows.size()) {
            response.put("nextToken", PageToken.encode(scope, end));
        }
        return response;
    }

    ObjectNode update(Request request) {
        String arn = request.requiredString("mapRunArn");
        ObjectNode row = require(arn).deepCopy();
        JsonNode concurrency = request.get("maxConcurrency");
        JsonNode count = request.get("toleratedFailureCount");
        JsonNode percentage = request.get("toleratedFailurePercentage");
        if (concurrency == null && count == null && percentage == null) {
            throw ApiException.validation("At least one of maxConcurrency, toleratedFailureCount and"
                    + " toleratedFailurePercentage must be given");
        }
        if (concurrency != null && (!concurrency.canConvertToInt() || concurrency.asInt() < 0)) {
            throw ApiException.validation("maxConcurrency must be an integer of 0 or more");
        }
        if (count != null && (!count.canConvertToLong() || count.asLong() < 0)) {
            throw ApiException.validation("toleratedFailureCount must be an integer of 0 or more");
        }
        if (percentage != null && (!percentage.isNumber() || percentage.asDouble() < 0 || percentage.asDouble() > 100)) {
            throw ApiException.validation("toleratedFailurePercentage must be a number from 0 to 100");
        }
        LiveMapRun mapRun = live.get(arn);
        MapRunSettings current = mapRun != null ? mapRun.settings : settingsOf(row);
        MapRunSettings updated = new MapRunSettings(
                concurrency != null ? concurrency.asInt() : current.maxConcurrency(),
                count != null ? Integer.valueOf((int) Math.min(Integer.MAX_VALUE, count.asLong()))
                        : current.toleratedFailureCount(),
                percentage != null ? Double.valueOf(percentage.asDouble()) : current.toleratedFailurePercentage());
        row.remove(List.of("toleratedFailureCount", "toleratedFailurePercentage"));
        putSettings(row, updated);
        store.saveMapRun(row);
        try {
            // Write-ahead: the answer, and the running Map Run's change, wait until the row is on disk.
            store.durable().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ApiException("InternalFailure", "The Map Run's update could not be saved: " + e.getMessage());
        }
        if (mapRun != null) {
            mapRun.settings = updated;
            mapRun.onChange.forEach(Runnable::run);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The definition the children of a Map Run run, by their state machine ARN ({@code MACHINE/LABEL}, as
     * DescribeExecution gives it); null when no Map Run started a child under that ARN.
     */
    String childDefinition(String childMachineArn) {
        for (ObjectNode row : store.mapRuns().rowsWithMachine(childMachineArn)) {
            List<MapRunIndex.Child> children = store.mapRuns().children(row.get("mapRunArn").asText());
            if (!children.isEmpty()) {
                return store.definitionText(children.get(0).execution());
            }
        }
        return null;
    }

    /** For the debugger: the Map Run as DescribeMapRun gives it, and its children (oldest first). */
    ObjectNode debugView(String mapRunArn) {
        ObjectNode described = describe(new Request(JsonNodeFactory.instance.objectNode().put("mapRunArn", mapRunArn)));
        ArrayNode children = described.putArray("children");
        for (MapRunIndex.Child child : store.mapRuns().children(mapRunArn)) {
            ExecutionRecord row = child.execution().listed();
            children.addObject().put("executionArn", row.executionArn()).put("name", row.name())
                    .put("status", row.status()).put("itemCount", child.items());
        }
        return described;
    }

    /** ListExecutions with a mapRunArn: the Map Run's children, newest first. */
    static ObjectNode listChildren(Request request, ExecutionStore store) {
        String mapRunArn = request.requiredString("mapRunArn");
        if (request.optionalString("stateMachineArn") != null) {
            throw ApiException.validation("Specify either a stateMachineArn or a mapRunArn, not both");
        }
        if (store.mapRuns().row(mapRunArn).isEmpty()) {
            throw new ApiException("ResourceNotFound", "Resource not found: '" + mapRunArn + "'");
        }
        String status = request.optionalEnum("statusFilter", List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT",
                "ABORTED", "PENDING_REDRIVE"));
        int max = request.maxResults();
        String scope = "ListExecutions:" + mapRunArn + ":" + status;
        long from = PageToken.decode(scope, request.optionalString("nextToken"));
        List<MapRunIndex.Child> children = new ArrayList<>(store.mapRuns().children(mapRunArn));
        java.util.Collections.reverse(children);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray("executions");
        int position = (int) from;
        while (position < children.size() && items.size() < max) {
            MapRunIndex.Child child = children.get(position++);
            ExecutionRecord row = child.execution().listed();
            if (status == null || status.equals(row.status())) {
                ObjectNode item = ExecutionJson.listItem(row);
                item.put("mapRunArn", mapRunArn);
                item.put("itemCount", child.items());
                items.add(item);
            }
        }
        if (position < children.size()) {
            response.put("nextToken", PageToken.encode(scope, position));
        }
        return response;
    }
}
