package appliance.server;

import appliance.engine.definition.Json;
import appliance.engine.history.HistoryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where state machines, executions and their histories are kept: a {@link Journal} (write-ahead, group
 * commit) and an index of it in the heap. Every change is one record of its own: a machine saved or
 * deleted, a definition, an execution started (with its input), each history event as the engine makes
 * it, an execution ended (with its output, error and cause). No record depends on another being
 * written with it, so one execution cannot hold up or spoil another's, and no field has a length limit.
 * The history of a running execution streams to the file; the heap keeps only where each event is.
 */
final class ExecutionStore implements AutoCloseable {

    private static final byte MACHINE = 'M';
    private static final byte MACHINE_DELETED = 'D';
    private static final byte DEFINITION = 'F';
    private static final byte STARTED = 'S';
    private static final byte EVENT = 'E';
    private static final byte ENDED = 'X';
    private static final byte RESTARTED = 'R';
    private static final byte ACTIVITY = 'A';
    private static final byte ACTIVITY_DELETED = 'B';
    /** The catalog's kinds: a version published, an alias written or deleted, a resource's tags changed. */
    static final byte VERSION_PUBLISHED = 'P';
    static final byte ALIAS_WRITTEN = 'L';
    static final byte ALIAS_DELETED = 'l';
    static final byte TAGS_CHANGED = 'T';
    /** An execution redriven (after its ExecutionRedriven event): it runs again. */
    private static final byte REDRIVEN = 'V';

    /** One record of the catalog (versions, aliases, tags), replayed in journal order by its owner at start. */
    record CatalogRecord(byte kind, ObjectNode row) {
    }

    /** One listed execution, with its position for the next page. */
    record Listed(long position, ExecutionRecord record, StoredExecution stored) {
    }

    private final Journal journal;
    private final Path temporaryFolder;
    private final Map<String, ObjectNode> machines = new LinkedHashMap<>();
    private final Map<String, Long> definitions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> activities = new LinkedHashMap<>();
    private final Map<String, StoredExecution> byArn = new ConcurrentHashMap<>();
    private final List<StoredExecution> byKey = new ArrayList<>();
    private final Map<String, List<StoredExecution>> byMachine = new ConcurrentHashMap<>();
    private final List<CatalogRecord> catalog = new ArrayList<>();

    private ExecutionStore(Path folder, boolean sync, Path temporaryFolder) {
        this.temporaryFolder = temporaryFolder;
        this.journal = Journal.open(folder, sync, this::load);
    }

    /**
     * The store in {@code folder} (created when missing).
     *
     * @throws UncheckedIOException when the folder cannot be used, or another server is using it
     */
    static ExecutionStore openFolder(Path folder) {
        return new ExecutionStore(folder.toAbsolutePath(), true, null);
    }

    /** A store for this process only (a temporary folder, removed at close; nothing synced to disk). */
    static ExecutionStore openInMemory() {
        try {
            Path folder = Files.createTempDirectory("sfn-store");
            return new ExecutionStore(folder, false, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary store: " + e.getMessage(), e);
        }
    }

    /** Reads a record back at open. */
    private void load(long offset, byte kind, int key, byte[] payload) {
        switch (kind) {
            case EVENT -> execution(key).addEvent(offset);
            case RESTARTED -> execution(key).restarted();
            case MACHINE -> {
                ObjectNode machine = parse(payload);
                machines.put(machine.get("arn").asText(), machine);
            }
            case MACHINE_DELETED -> machines.remove(parse(payload).get("arn").asText());
            case ACTIVITY -> {
                ObjectNode activity = parse(payload);
                activities.put(activity.get("arn").asText(), activity);
            }
            case ACTIVITY_DELETED -> activities.remove(parse(payload).get("arn").asText());
            case DEFINITION -> definitions.put(parse(payload).get("id").asText(), offset);
            case STARTED -> index(key, parse(payload), offset);
            case ENDED -> {
                ObjectNode ended = parse(payload);
                execution(key).ended(ended.get("status").asText(), instant(ended), offset);
            }
            case REDRIVEN -> execution(key).redriven(redrive(parse(payload)));
            case VERSION_PUBLISHED, ALIAS_WRITTEN, ALIAS_DELETED, TAGS_CHANGED ->
                catalog.add(new CatalogRecord(kind, parse(payload)));
            default -> throw new IllegalStateException("The store's journal has a record of unknown kind " + kind);
        }
    }

    private StoredExecution execution(int key) {
        return byKey.get(key - 1);
    }

    private StoredExecution index(int key, ObjectNode started, long offset) {
        StoredExecution execution = new StoredExecution(key, started.get("arn").asText(), started.get("machine").asText(),
                started.get("name").asText(), instant(started), offset, started.get("definition").asText(),
                started.get("seed").asLong(), text(started, "testCase"), started.path("sync").asBoolean(false));
        execution.startedBy(text(started, "version"), text(started, "alias"));
        byKey.add(execution);
        byArn.put(execution.executionArn, execution);
        byMachine.computeIfAbsent(execution.stateMachineArn, arn -> new ArrayList<>()).add(execution);
        return execution;
    }

    /** Completes once everything written so far is on disk. */
    CompletableFuture<Void> durable() {
        return journal.durable();
    }

    // --- state machines ---

    /** Saves a machine; durable once the returned future completes. */
    synchronized CompletableFuture<Void> saveStateMachine(StateMachineRecord machine) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("arn", machine.arn());
        row.put("name", machine.name());
        row.put("definition", machine.definitionText());
        row.put("role", machine.roleArn());
        row.put("type", machine.type());
        row.put("created", machine.creationDate().toEpochMilli());
        journal.append(MACHINE, 0, bytes(row));
        machines.put(machine.arn(), row);
        return journal.durable();
    }

    synchronized CompletableFuture<Void> deleteStateMachine(String arn) {
        if (machines.remove(arn) == null) {
            return CompletableFuture.completedFuture(null);
        }
        journal.append(MACHINE_DELETED, 0, bytes(JsonNodeFactory.instance.objectNode().put("arn", arn)));
        return journal.durable();
    }

    /** The stored machines as rows of (arn, name, definition, role, type, creation time). */
    synchronized List<String[]> stateMachines() {
        return machines.values().stream().map(row -> new String[] {row.get("arn").asText(), row.get("name").asText(),
            row.get("definition").asText(), row.get("role").asText(), row.get("type").asText(),
            row.get("created").asText()}).toList();
    }

    // --- activities ---

    /** Saves an activity (a row with its arn); durable once the returned future completes. */
    synchronized CompletableFuture<Void> saveActivity(ObjectNode row) {
        journal.append(ACTIVITY, 0, bytes(row));
        activities.put(row.get("arn").asText(), row);
        return journal.durable();
    }

    synchronized CompletableFuture<Void> deleteActivity(String arn) {
        if (activities.remove(arn) == null) {
            return CompletableFuture.completedFuture(null);
        }
        journal.append(ACTIVITY_DELETED, 0, bytes(JsonNodeFactory.instance.objectNode().put("arn", arn)));
        return journal.durable();
    }

    /** The stored activities' rows, oldest first. */
    synchronized List<ObjectNode> activities() {
        return List.copyOf(activities.values());
    }

    // --- the catalog: versions, aliases, tags ---

    /** Appends a catalog record; durable once the returned future completes. */
    synchronized CompletableFuture<Void> saveCatalog(byte kind, ObjectNode row) {
        journal.append(kind, 0, bytes(row));
        catalog.add(new CatalogRecord(kind, row));
        return journal.durable();
    }

    /** The catalog records read at open and written since, in journal order. */
    synchronized List<CatalogRecord> catalog() {
        return List.copyOf(catalog);
    }

    // --- definitions ---

    /** The id of a definition's text, written once (executions name the definition they started with). */
    private String definitionId(String text) {
        String id = sha256(text);
        definitions.computeIfAbsent(id, key -> {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("id", key);
            row.put("text", text);
            return journal.append(DEFINITION, 0, bytes(row));
        });
        return id;
    }

    /** The definition an execution started with. */
    String definitionText(StoredExecution execution) {
        Long offset = definitions.get(execution.definitionId);
        if (offset == null) {
            throw new IllegalStateException("The store has no definition " + execution.definitionId);
        }
        return parse(journal.read(offset)).get("text").asText();
    }

    // --- executions ---

    /**
     * Writes an execution's start (durable once {@link #durable()} completes after it).
     *
     * @return null when an execution of that ARN is already stored
     */
    synchronized StoredExecution started(ExecutionRecord row, String definition, long seed, String testCase,
            boolean sync) {
        return started(row, definition, seed, testCase, sync, null, null);
    }

    /** As above, for an execution started by a version or alias ARN (either may be null). */
    synchronized StoredExecution started(ExecutionRecord row, String definition, long seed, String testCase,
            boolean sync, String versionArn, String aliasArn) {
        if (byArn.containsKey(row.executionArn())) {
            return null;
        }
        ObjectNode started = JsonNodeFactory.instance.objectNode();
        started.put("arn", row.executionArn());
        started.put("machine", row.stateMachineArn());
        started.put("name", row.name());
        started.put("input", row.input());
        putInstant(started, row.startDate());
        started.put("definition", definitionId(definition));
        started.put("seed", seed);
        if (testCase != null) {
            started.put("testCase", testCase);
        }
        if (sync) {
            started.put("sync", true);
        }
        if (versionArn != null) {
            started.put("version", versionArn);
        }
        if (aliasArn != null) {
            started.put("alias", aliasArn);
        }
        int key = byKey.size() + 1;
        long offset = journal.append(STARTED, key, bytes(started));
        return index(key, started, offset);
    }

    /** The execution runs again from its start: the events it had are no longer its history. */
    void restarted(StoredExecution execution) {
        journal.append(RESTARTED, execution.key, new byte[0]);
        execution.restarted();
    }

    /** Writes an execution's redrive (after its ExecutionRedriven event): it is running again. */
    void redriven(StoredExecution execution, RedriveSegment redrive) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("event", redrive.redrivenEventId());
        row.put("cut", redrive.cut());
        row.put("shift", redrive.shift());
        row.put("count", redrive.count());
        putInstant(row, redrive.date());
        journal.append(REDRIVEN, execution.key, bytes(row));
        execution.redriven(redrive);
    }

    private static RedriveSegment redrive(ObjectNode row) {
        return new RedriveSegment(row.get("event").asLong(), row.get("cut").asLong(), row.get("shift").asLong(),
                row.get("count").asInt(), instant(row));
    }

    /** Appends one history event (to disk, not to the heap). */
    void event(StoredExecution execution, HistoryEvent event) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", event.id());
        row.put("previous", event.previousEventId());
        putInstant(row, event.timestamp());
        row.put("type", event.type());
        ObjectNode details = event.details();
        if (event.detailsName() != null && details != null) {
            row.put("detailsName", event.detailsName());
            row.set("details", details);
        }
        execution.addEvent(journal.append(EVENT, execution.key, bytes(row)));
    }

    /** Writes an execution's end; the future completes, with the final row, once it is on disk and shown. */
    CompletableFuture<ExecutionRecord> ended(StoredExecution execution, String status, String output, String error,
            String cause, Instant stop) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("status", status);
        row.put("output", output);
        row.put("error", error);
        row.put("cause", cause);
        putInstant(row, stop);
        long offset = journal.append(ENDED, execution.key, bytes(row));
        return journal.durable().thenApply(done -> {
            execution.ended(status, stop, offset);
            return record(execution);
        });
    }

    Optional<StoredExecution> find(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** The whole row: input from the start record, output, error and cause from the end record. */
    ExecutionRecord record(StoredExecution execution) {
        ObjectNode started = parse(journal.read(execution.startOffset));
        long end = execution.endOffset();
        ObjectNode ended = end < 0 ? null : parse(journal.read(end));
        return new ExecutionRecord(execution.executionArn, execution.stateMachineArn, execution.name,
                ended == null ? "RUNNING" : ended.get("status").asText(), started.get("input").asText(),
                ended == null ? null : text(ended, "output"), ended == null ? null : text(ended, "error"),
                ended == null ? null : text(ended, "cause"), execution.startDate, ended == null ? null : instant(ended));
    }

    String input(StoredExecution execution) {
        return parse(journal.read(execution.startOffset)).get("input").asText();
    }

    /**
     * A page of a machine's executions, newest first, from {@code before} (a position from an earlier
     * page; 0 for the first page), with one more than {@code limit} when there are more.
     */
    List<Listed> executions(String machineArn, String status, java.util.function.Predicate<StoredExecution> filter,
            long before, int limit) {
        List<StoredExecution> all = byMachine.getOrDefault(machineArn, List.of());
        List<Listed> rows = new ArrayList<>();
        synchronized (this) {
            for (int i = all.size() - 1; i >= 0 && rows.size() <= limit; i--) {
                StoredExecution execution = all.get(i);
                if (before != 0 && execution.key >= before) {
                    continue;
                }
                ExecutionRecord row = execution.listed();
                if ((status == null || status.equals(row.status())) && filter.test(execution)) {
                    rows.add(new Listed(execution.key, row, execution));
                }
            }
        }
        return rows;
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive), by index from 0. */
    List<StoredEvent> history(StoredExecution execution, int from, int to) {
        List<StoredEvent> events = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            events.add(event(execution.eventOffset(i)));
        }
        return events;
    }

    /**
     * The events as the engine's type, read one at a time as the iterator is walked; for a redriven
     * execution, as the engine made them ({@link Redrives#asMade}).
     */
    Iterator<HistoryEvent> replay(StoredExecution execution) {
        List<RedriveSegment> redrives = execution.redrives();
        return redrives.isEmpty() ? storedEvents(execution) : Redrives.asMade(storedEvents(execution), redrives).iterator();
    }

    private Iterator<HistoryEvent> storedEvents(StoredExecution execution) {
        int count = execution.eventCount();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public HistoryEvent next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                StoredEvent event = event(execution.eventOffset(next++));
                return new HistoryEvent(event.id(), event.previousEventId(), event.timestamp(), event.type(),
                        event.detailsName(), event::details);
            }
        };
    }

    private StoredEvent event(long offset) {
        ObjectNode row = parse(journal.read(offset));
        JsonNode details = row.get("details");
        return new StoredEvent(row.get("id").asLong(), row.get("previous").asLong(), instant(row),
                row.get("type").asText(), text(row, "detailsName"), details instanceof ObjectNode object ? object : null);
    }

    /** The executions with no end record: ones a previous server did not see to their end. */
    List<StoredExecution> running() {
        return byArn.values().stream().filter(StoredExecution::running)
                .sorted(Comparator.comparingInt(execution -> execution.key)).toList();
    }

    /** The journal's size on disk, in bytes. */
    long sizeInBytes() {
        return journal.size();
    }

    @Override
    public void close() {
        journal.close();
        if (temporaryFolder != null) {
            try (Stream<Path> files = Files.walk(temporaryFolder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is only clutter.
            }
        }
    }

    private static void putInstant(ObjectNode row, Instant instant) {
        row.put("seconds", instant.getEpochSecond());
        row.put("nanos", instant.getNano());
    }

    private static Instant instant(ObjectNode row) {
        return Instant.ofEpochSecond(row.get("seconds").asLong(), row.get("nanos").asLong());
    }

    private static String text(ObjectNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(ObjectNode row) {
        try {
            return Json.MAPPER.writeValueAsBytes(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parse(byte[] payload) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("A record of the store is not JSON: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
