package streamworkbook.chdb.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.engine.ChdbEngine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Engine connections for requests without {@code session_id}: read-write ones for POST and
 * read-only ones ({@code readonly = 2}) for GET, opened on demand and kept while idle.
 *
 * <p>A chDB connection costs about 0.1 ms and 100 KB to open, and connections on one data
 * directory run statements in parallel, so the pool does not bound anything itself: the number of
 * connections in use never exceeds the {@link QuerySlots} limit, which callers take first. A
 * connection whose statement left session state behind ({@code SET}, a temporary table) is closed
 * rather than reused.
 */
final class ConnectionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);

    private final ChdbEngine engine;
    private final Deque<PooledConnection> idleWriters = new ArrayDeque<>();
    private final Deque<PooledConnection> idleReaders = new ArrayDeque<>();
    private int inUse;
    private boolean closed;

    ConnectionPool(ChdbEngine engine) {
        this.engine = engine;
    }

    /** An idle connection of the kind a request needs, or a new one. */
    PooledConnection take(boolean readOnly) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("server is shutting down");
            }
            inUse++;
            PooledConnection idle = (readOnly ? idleReaders : idleWriters).pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        try {
            return PooledConnection.open(engine, readOnly);
        } catch (RuntimeException e) {
            synchronized (this) {
                inUse--;
                notifyAll();
            }
            throw e;
        }
    }

    /** Takes a connection back; one a statement left state in is closed instead. */
    void give(PooledConnection connection) {
        boolean keep;
        synchronized (this) {
            inUse--;
            keep = !closed && !connection.stale();
            if (keep) {
                (connection.readOnly() ? idleReaders : idleWriters).addFirst(connection);
            }
            notifyAll();
        }
        if (!keep) {
            connection.close();
        }
    }

    /** Runs a statement of the server's own on a read-write connection. */
    String queryText(String sql) {
        PooledConnection connection = take(false);
        try {
            return EngineStatements.text(connection.connection(), sql);
        } finally {
            give(connection);
        }
    }

    /**
     * Waits (up to {@code timeoutMillis}) for every connection to come back, then closes them; a
     * connection still running a statement is never closed under it.
     */
    @Override
    public void close() {
        close(30_000);
    }

    void close(long timeoutMillis) {
        List<PooledConnection> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (inUse > 0 && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (inUse > 0) {
                log.warn("{} chDB connection(s) still busy after {} ms; closing the others", inUse, timeoutMillis);
            }
            idle.addAll(idleWriters);
            idle.addAll(idleReaders);
            idleWriters.clear();
            idleReaders.clear();
        }
        idle.forEach(PooledConnection::close);
    }
}
