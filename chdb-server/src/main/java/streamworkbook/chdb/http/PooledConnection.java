package streamworkbook.chdb.http;

import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.sql.Sql;
import streamworkbook.chdb.sql.Statement;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A pooled engine connection serving requests without {@code session_id}, plus what this server
 * has done to its session state.
 *
 * <p>A ClickHouse server gives every such request a fresh context: the request's database and
 * settings apply to that query only. A chDB connection is a long-lived session instead, so before
 * each query its current database and settings are brought to what the request asks for, and
 * settings a previous request changed are put back to their defaults ({@code SET x = DEFAULT}).
 * Only differences are sent, so a stream of requests with the same settings costs no extra
 * statements. A statement that leaves state this bookkeeping cannot undo ({@code SET},
 * {@code CREATE TEMPORARY TABLE}) marks the connection stale, and the pool closes it.
 */
final class PooledConnection implements EngineSession {

    private static final String DEFAULT_DATABASE = "default";

    private final ChdbEngine engine;
    private final boolean readOnly;
    private ChdbConnection connection;
    /** Current database of the connection; null when a USE statement may have changed it. */
    private String database;
    /** Settings this server changed on the connection, with the value given; null = unknown value. */
    private final Map<String, String> applied = new HashMap<>();
    private boolean stale;

    private PooledConnection(ChdbEngine engine, boolean readOnly) {
        this.engine = engine;
        this.readOnly = readOnly;
    }

    /**
     * A connection; a read-only one runs with {@code readonly = 2} (what a server sets for HTTP GET:
     * reading and changing settings are allowed, writing is not, and readonly itself is fixed).
     */
    static PooledConnection open(ChdbEngine engine, boolean readOnly) {
        PooledConnection pooled = new PooledConnection(engine, readOnly);
        pooled.connect();
        return pooled;
    }

    private void connect() {
        connection = engine.connect();
        database = DEFAULT_DATABASE;
        applied.clear();
        stale = false;
        if (readOnly) {
            execute("SET readonly = 2");
        }
    }

    boolean readOnly() {
        return readOnly;
    }

    boolean stale() {
        return stale;
    }

    @Override
    public ChdbConnection enter(QueryRequest request, Statement statement) {
        resetSettingsNotIn(request.settings());
        useDatabase(request.database() == null ? DEFAULT_DATABASE : request.database());
        applySettings(request.settings());
        return connection;
    }

    @Override
    public void leave(QueryRequest request, Statement statement) {
        if (statement.keyword().equals("USE")) {
            database = null;
        }
        if (statement.leavesSessionState()) {
            stale = true;
        }
    }

    /** The connection itself, for the server's own statements (no request context). */
    ChdbConnection connection() {
        return connection;
    }

    private void useDatabase(String wanted) {
        if (!wanted.equals(database)) {
            database = null;
            execute("USE " + Sql.identifier(wanted));
            database = wanted;
        }
    }

    /**
     * Puts settings an earlier request changed back to their defaults ({@code SET x = DEFAULT} is
     * allowed even under {@code readonly = 1}). Should the engine ever refuse, the connection is
     * replaced rather than left in a state every later request would inherit.
     */
    private void resetSettingsNotIn(Map<String, String> wanted) {
        StringJoiner reset = new StringJoiner(", ");
        for (Iterator<String> it = applied.keySet().iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!wanted.containsKey(name)) {
                reset.add(Sql.identifier(name) + " = DEFAULT");
                it.remove();
            }
        }
        if (reset.length() > 0) {
            try {
                execute("SET " + reset);
            } catch (ClickHouseException e) {
                engine.close(connection);
                connect();
            }
        }
    }

    private void applySettings(Map<String, String> wanted) {
        StringJoiner set = new StringJoiner(", ");
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!applied.containsKey(e.getKey()) || !Objects.equals(applied.get(e.getKey()), e.getValue())) {
                set.add(Sql.identifier(e.getKey()) + " = " + Sql.string(e.getValue()));
                applied.put(e.getKey(), null); // unknown until the SET succeeds: reset next time if unwanted
            }
        }
        if (set.length() > 0) {
            execute("SET " + set);
            applied.putAll(wanted);
        }
    }

    private void execute(String sql) {
        EngineStatements.execute(connection, sql);
    }

    void close() {
        engine.close(connection);
    }
}
