package streamworkbook.chdb.http;

import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.sql.Statement;

/**
 * An engine connection as one request uses it: either a pooled one that must look fresh to every
 * request ({@link PooledConnection}), or the connection of an HTTP session ({@code session_id})
 * whose state the client builds up on purpose ({@link NamedSession}).
 */
interface EngineSession {

    /**
     * Brings the connection to what the request asks for (database, settings) and returns it.
     * Errors are thrown as the engine reported them (81 UNKNOWN_DATABASE, 115 UNKNOWN_SETTING …).
     */
    ChdbConnection enter(QueryRequest request, Statement statement);

    /** Called once the statement has finished (its stream closed), whether it succeeded or not. */
    void leave(QueryRequest request, Statement statement);
}
