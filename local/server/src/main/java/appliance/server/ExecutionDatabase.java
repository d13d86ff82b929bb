package appliance.server;

import appliance.engine.definition.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database that keeps state machines, executions and their histories across restarts
 * (or, in memory, for the server's life only). An execution's row is written when it starts (so none is
 * lost) and its final status together with its whole history in one transaction when it ends (so none
 * is half-written).
 */
final class ExecutionDatabase implements AutoCloseable {

    /** One listed execution, with its position for the next page. */
    record Listed(long position, ExecutionRecord record) {
    }

    private final JdbcConnectionPool pool;
    private final boolean inMemory;

    private ExecutionDatabase(String url, boolean inMemory) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(32);
        this.inMemory = inMemory;
        createTables();
    }

    /** A database file at {@code file} (H2 adds {@code .mv.db}); its folder is created. */
    static ExecutionDatabase openFile(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(absolute.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the folder for the database " + absolute + ": " + e.getMessage());
        }
        return new ExecutionDatabase("jdbc:h2:file:" + absolute, false);
    }

    static ExecutionDatabase openInMemory() {
        return new ExecutionDatabase("jdbc:h2:mem:sfn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", true);
    }

    private void createTables() {
        update("""
                CREATE TABLE IF NOT EXISTS state_machines (
                  arn VARCHAR(400) PRIMARY KEY, name VARCHAR(80) NOT NULL, definition CLOB NOT NULL,
                  role_arn VARCHAR(400) NOT NULL, type VARCHAR(16) NOT NULL, creation_millis BIGINT NOT NULL)""");
        update("""
                CREATE TABLE IF NOT EXISTS executions (
                  seq BIGINT AUTO_INCREMENT PRIMARY KEY, arn VARCHAR(500) NOT NULL UNIQUE,
                  machine_arn VARCHAR(400) NOT NULL, name VARCHAR(80) NOT NULL, status VARCHAR(16) NOT NULL,
                  input CLOB, output CLOB, error VARCHAR(300), cause CLOB,
                  start_millis BIGINT NOT NULL, stop_millis BIGINT)""");
        update("CREATE INDEX IF NOT EXISTS executions_by_machine ON executions(machine_arn, seq)");
        update("""
                CREATE TABLE IF NOT EXISTS history_events (
                  execution_arn VARCHAR(500) NOT NULL, id BIGINT NOT NULL, previous_id BIGINT NOT NULL,
                  timestamp_millis BIGINT NOT NULL, type VARCHAR(80) NOT NULL, details_name VARCHAR(80),
                  details CLOB, PRIMARY KEY (execution_arn, id))""");
    }

    // --- state machines ---

    void saveStateMachine(StateMachineRecord machine) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "MERGE INTO state_machines KEY(arn) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, machine.arn());
            s.setString(2, machine.name());
            s.setString(3, machine.definitionText());
            s.setString(4, machine.roleArn());
            s.setString(5, machine.type());
            s.setLong(6, machine.creationDate().toEpochMilli());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void deleteStateMachine(String arn) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM state_machines WHERE arn = ?")) {
            s.setString(1, arn);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The stored machines as rows of (arn, name, definition, role, type, creation time). */
    List<String[]> stateMachines() {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT arn, name, definition, role_arn, type, creation_millis FROM state_machines")) {
            while (r.next()) {
                rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    Long.toString(r.getLong(6))});
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    // --- executions ---

    /** @return false when an execution of that ARN is already stored */
    boolean insertStarted(ExecutionRecord execution) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO executions"
                        + " (arn, machine_arn, name, status, input, start_millis) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, execution.executionArn());
            s.setString(2, execution.stateMachineArn());
            s.setString(3, execution.name());
            s.setString(4, execution.status());
            s.setString(5, execution.input());
            s.setLong(6, execution.startDate().toEpochMilli());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw failure(e);
        }
    }

    /** An execution's final row and its whole history. */
    record Finished(ExecutionRecord execution, List<StoredEvent> history) {
    }

    /** Writes the final status and the whole history in one transaction. */
    void saveFinished(ExecutionRecord execution, List<StoredEvent> history) {
        saveFinished(List.of(new Finished(execution, history)));
    }

    /** Writes several finished executions in one transaction: all of them or none. */
    void saveFinished(List<Finished> batch) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement row = c.prepareStatement("UPDATE executions SET status = ?, output = ?,"
                        + " error = ?, cause = ?, stop_millis = ? WHERE arn = ?");
                    PreparedStatement events = c.prepareStatement("INSERT INTO history_events"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Finished finished : batch) {
                    ExecutionRecord execution = finished.execution();
                    row.setString(1, execution.status());
                    row.setString(2, execution.output());
                    row.setString(3, execution.error());
                    row.setString(4, execution.cause());
                    row.setLong(5, execution.stopDate().toEpochMilli());
                    row.setString(6, execution.executionArn());
                    row.addBatch();
                    for (StoredEvent event : finished.history()) {
                        events.setString(1, execution.executionArn());
                        events.setLong(2, event.id());
                        events.setLong(3, event.previousEventId());
                        events.setLong(4, event.timestamp().toEpochMilli());
                        events.setString(5, event.type());
                        events.setString(6, event.detailsName());
                        if (event.details() == null) {
                            events.setNull(7, Types.CLOB);
                        } else {
                            events.setString(7, Json.compact(event.details()));
                        }
                        events.addBatch();
                    }
                }
                row.executeBatch();
                events.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    Optional<ExecutionRecord> execution(String arn) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM executions WHERE arn = ?")) {
            s.setString(1, arn);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * A page of a machine's executions, newest first, from {@code before} (a position from an earlier
     * page; 0 for the first page), with one more than {@code limit} when there are more.
     */
    List<Listed> executions(String machineArn, String status, long before, int limit) {
        String sql = "SELECT seq, " + COLUMNS + " FROM executions WHERE machine_arn = ? AND seq < ?"
                + (status == null ? "" : " AND status = ?") + " ORDER BY seq DESC LIMIT ?";
        List<Listed> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, machineArn);
            s.setLong(i++, before == 0 ? Long.MAX_VALUE : before);
            if (status != null) {
                s.setString(i++, status);
            }
            s.setInt(i, limit + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Listed(r.getLong(1), record(r, 2)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    List<StoredEvent> history(String executionArn) {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, previous_id, timestamp_millis, type, details_name,"
                        + " details FROM history_events WHERE execution_arn = ? ORDER BY id")) {
            s.setString(1, executionArn);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String details = r.getString(6);
                    events.add(new StoredEvent(r.getLong(1), r.getLong(2), Instant.ofEpochMilli(r.getLong(3)),
                            r.getString(4), r.getString(5), details == null ? null : parseObject(details)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return events;
    }

    /** The executions still marked RUNNING: ones a previous server did not see to their end. */
    List<ExecutionRecord> running() {
        List<ExecutionRecord> rows = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM executions WHERE status = 'RUNNING'");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(record(r));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    private static final String COLUMNS =
            "arn, machine_arn, name, status, input, output, error, cause, start_millis, stop_millis";

    private static ExecutionRecord record(ResultSet r) throws SQLException {
        return record(r, 1);
    }

    private static ExecutionRecord record(ResultSet r, int first) throws SQLException {
        long stop = r.getLong(first + 9);
        Instant stopDate = r.wasNull() ? null : Instant.ofEpochMilli(stop);
        return new ExecutionRecord(r.getString(first), r.getString(first + 1), r.getString(first + 2),
                r.getString(first + 3), r.getString(first + 4), r.getString(first + 5), r.getString(first + 6),
                r.getString(first + 7), Instant.ofEpochMilli(r.getLong(first + 8)), stopDate);
    }

    private static ObjectNode parseObject(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored history event is not JSON: " + e.getOriginalMessage());
        }
    }

    private void update(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("The execution database failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (inMemory) {
            update("SHUTDOWN");
        }
        pool.dispose();
    }
}
