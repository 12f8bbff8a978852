package streamworkbook.chdb.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;
import streamworkbook.chdb.sql.Sql;
import streamworkbook.chdb.sql.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An HTTP session ({@code session_id}): one chDB connection of its own, so what the client's
 * statements do to it — {@code SET} (settings and {@code param_x}), {@code USE}, temporary
 * tables — stays for the session's next requests, as on a server.
 *
 * <p>What the <em>request</em> carries (the {@code database} parameter, settings as URL
 * parameters) applies to that query only, as a server applies them to the query's context and
 * not the session's: the values in force are read first and put back after the statement.
 * GET requests are read-only on a server; a session's connection cannot switch {@code readonly}
 * on and off again, so statements that would write are refused by their first keyword instead.
 */
final class NamedSession implements EngineSession {

    private static final Logger log = LoggerFactory.getLogger(NamedSession.class);

    /** What {@code readonly = 2} lets through: reading, and changing settings. */
    private static final Set<String> READ_ONLY_KEYWORDS = Set.of(
            "SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "EXISTS", "SET", "USE");

    private final String id;
    private final ChdbConnection connection;
    private long timeoutMillis;
    /** When an idle session is dropped; meaningless while {@link #busy}. */
    private long expiresAtMillis;
    private boolean busy;
    private boolean closed;

    private String databaseToRestore;
    private final List<String> settingsToRestore = new ArrayList<>();

    NamedSession(String id, ChdbConnection connection) {
        this.id = id;
        this.connection = connection;
    }

    String id() {
        return id;
    }

    ChdbConnection connection() {
        return connection;
    }

    // state below is guarded by NamedSessions' lock

    boolean busy() {
        return busy;
    }

    void lock(long timeoutMillis) {
        this.busy = true;
        this.timeoutMillis = timeoutMillis;
    }

    void unlock(long nowMillis) {
        busy = false;
        expiresAtMillis = nowMillis + timeoutMillis;
    }

    boolean expired(long nowMillis) {
        return !busy && nowMillis >= expiresAtMillis;
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    @Override
    public ChdbConnection enter(QueryRequest request, Statement statement) {
        if (request.readOnly() && !READ_ONLY_KEYWORDS.contains(statement.keyword())) {
            throw ClickHouseException.of(ErrorCodes.READONLY, "Cannot execute query in readonly mode."
                    + ReadOnlyHint.GET_IMPLIES_READONLY);
        }
        databaseToRestore = null;
        settingsToRestore.clear();
        String database = request.database();
        if (database != null && !statement.keyword().equals("USE")) {
            String current = EngineStatements.text(connection, "SELECT currentDatabase()").strip();
            if (!current.equals(database)) {
                EngineStatements.execute(connection, "USE " + Sql.identifier(database));
                databaseToRestore = current;
            }
        }
        Map<String, String> settings = request.settings();
        if (!settings.isEmpty()) {
            rememberSettings(settings);
            StringJoiner set = new StringJoiner(", ", "SET ", "");
            settings.forEach((name, value) -> set.add(Sql.identifier(name) + " = " + Sql.string(value)));
            EngineStatements.execute(connection, set.toString());
        }
        return connection;
    }

    /** Reads the session's values of the settings a request overrides, as statements that put them back. */
    private void rememberSettings(Map<String, String> settings) {
        StringJoiner names = new StringJoiner(", ");
        settings.keySet().forEach(name -> names.add(Sql.string(name)));
        String rows = EngineStatements.text(connection,
                "SELECT name, changed, value FROM system.settings WHERE name IN (" + names + ")");
        for (String row : rows.split("\n")) {
            String[] fields = row.split("\t", 3);
            if (fields.length == 3) {
                settingsToRestore.add(Sql.identifier(fields[0]) + " = "
                        + (fields[1].equals("1") ? Sql.string(fields[2]) : "DEFAULT"));
            }
        }
    }

    @Override
    public void leave(QueryRequest request, Statement statement) {
        try {
            if (!settingsToRestore.isEmpty()) {
                EngineStatements.execute(connection, "SET " + String.join(", ", settingsToRestore));
            }
            if (databaseToRestore != null) {
                EngineStatements.execute(connection, "USE " + Sql.identifier(databaseToRestore));
            }
        } catch (ClickHouseException e) {
            // e.g. the session's database was dropped by this very statement: the session goes on without it
            log.debug("session {}: could not restore its state after a request: {}", id, e.text());
        }
    }
}
