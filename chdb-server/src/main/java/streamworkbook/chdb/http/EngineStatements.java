package streamworkbook.chdb.http;

import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbResult;
import streamworkbook.chdb.protocol.ClickHouseException;

/** The server's own small statements on a connection (USE, SET, reading a value back). */
final class EngineStatements {

    private EngineStatements() {
    }

    /** Runs {@code sql}, throwing the engine's error as a {@link ClickHouseException}. */
    static void execute(ChdbConnection connection, String sql) {
        text(connection, sql);
    }

    /** Runs {@code sql} and returns its TabSeparatedRaw output. */
    static String text(ChdbConnection connection, String sql) {
        try (ChdbResult result = connection.query(sql, "TabSeparatedRaw")) {
            if (result.failed()) {
                throw ClickHouseException.fromEngine(result.error());
            }
            return result.text();
        }
    }
}
