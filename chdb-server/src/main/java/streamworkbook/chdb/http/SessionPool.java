package streamworkbook.chdb.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import streamworkbook.chdb.engine.ChdbEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of sessions: {@code writers} read-write ones for POST and one read-only one for GET.
 *
 * <p>One chDB connection runs one statement at a time; several connections on the same data
 * directory run in parallel, so the number of read-write sessions is the server's parallelism.
 * A request holds a session only while the engine runs its statement — never while its body is
 * still arriving over the network.
 */
final class SessionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionPool.class);

    private final BlockingQueue<Session> writers;
    private final BlockingQueue<Session> readers;
    private final int size;

    SessionPool(ChdbEngine engine, int writerCount) {
        writers = new ArrayBlockingQueue<>(writerCount);
        readers = new ArrayBlockingQueue<>(1);
        for (int i = 0; i < writerCount; i++) {
            writers.add(Session.open(engine, false));
        }
        readers.add(Session.open(engine, true));
        size = writerCount + 1;
    }

    /** Waits for a free session of the kind a request needs. */
    Session take(boolean readOnly) throws InterruptedException {
        return (readOnly ? readers : writers).take();
    }

    /** Returns a session, replacing its connection first if a statement left state in it. */
    void give(Session session) {
        try {
            session.renewIfStale();
        } catch (RuntimeException e) {
            // keep the session: it stays stale and the next release retries
            log.warn("could not replace a chDB connection: {}", e.toString());
            session.markStale();
        }
        (session.readOnly() ? readers : writers).add(session);
    }

    /** Runs a statement of the server's own on a read-write session. */
    String queryText(String sql) throws InterruptedException {
        Session session = take(false);
        try (var result = session.query(sql)) {
            if (result.failed()) {
                throw new IllegalStateException(result.error());
            }
            return result.text();
        } finally {
            give(session);
        }
    }

    /**
     * Waits (up to {@code timeoutMillis}) for every session to come back, then closes them; a
     * connection still running a statement is never closed under it.
     */
    @Override
    public void close() {
        close(30_000);
    }

    void close(long timeoutMillis) {
        List<Session> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            writers.drainTo(all);
            readers.drainTo(all);
            if (all.size() == size || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (all.size() < size) {
            log.warn("{} chDB session(s) still busy after {} ms; closing the others", size - all.size(), timeoutMillis);
        }
        for (Session session : all) {
            session.close();
        }
    }
}
