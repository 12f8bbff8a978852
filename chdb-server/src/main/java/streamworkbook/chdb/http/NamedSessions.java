package streamworkbook.chdb.http;

import streamworkbook.chdb.engine.ChdbConnection;
import streamworkbook.chdb.engine.ChdbEngine;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP sessions of the server, as ClickHouse's HTTP interface has them.
 *
 * <ul>
 *   <li>{@code session_id} names a session of the authenticated user (two users' sessions never
 *       mix); the first request creates it, unless it says {@code session_check=1} — then an
 *       unknown session is Code 372 SESSION_NOT_FOUND.</li>
 *   <li>One request at a time: a request for a session another request is using gets Code 373
 *       SESSION_IS_LOCKED at once, it does not wait.</li>
 *   <li>{@code session_timeout} (seconds, default 60, at most 3600, else Code 374
 *       INVALID_SESSION_TIMEOUT) is how long the session outlives its last request; each request
 *       sets it anew. A session that timed out is dropped with its connection: its settings and
 *       temporary tables are gone.</li>
 *   <li>{@code close_session=1} drops the session after the request.</li>
 * </ul>
 * At most {@code maxSessions} sessions exist at once (each holds a connection); one more is
 * refused with Code 700 USER_SESSION_LIMIT_EXCEEDED.
 */
final class NamedSessions implements AutoCloseable {

    static final int DEFAULT_TIMEOUT_SECONDS = 60;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    private final ChdbEngine engine;
    private final int maxSessions;
    private final Map<String, NamedSession> sessions = new HashMap<>();
    private final ScheduledExecutorService reaper;
    private boolean closed;

    NamedSessions(ChdbEngine engine, int maxSessions) {
        this.engine = engine;
        this.maxSessions = maxSessions;
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chdb-session-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.scheduleWithFixedDelay(this::dropExpired, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Takes the session for one request, creating it if allowed; the caller gives it back with
     * {@link #release}. Throws 372, 373, 374 or 700 as described above.
     */
    NamedSession acquire(String user, String id, boolean check, String timeoutParameter) {
        long timeoutMillis = TimeUnit.SECONDS.toMillis(parseTimeout(timeoutParameter));
        String key = user + '\0' + id;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("server is shutting down");
            }
            NamedSession session = sessions.get(key);
            if (session != null && session.expired(System.currentTimeMillis())) {
                drop(key, session);
                session = null;
            }
            if (session == null) {
                if (check) {
                    throw ClickHouseException.of(ErrorCodes.SESSION_NOT_FOUND, "Session " + id + " not found");
                }
                if (sessions.size() >= maxSessions) {
                    throw ClickHouseException.of(ErrorCodes.USER_SESSION_LIMIT_EXCEEDED, "The server has "
                            + maxSessions + " sessions open, the most it keeps (--max-sessions); close one"
                            + " (close_session=1) or let one time out");
                }
                session = new NamedSession(id, engine.connect());
                sessions.put(key, session);
            } else if (session.busy()) {
                throw ClickHouseException.of(ErrorCodes.SESSION_IS_LOCKED,
                        "Session " + id + " is locked by a concurrent client");
            }
            session.lock(timeoutMillis);
            return session;
        }
    }

    /** Gives a session back after its request; {@code close} (close_session=1) drops it. */
    void release(String user, NamedSession session, boolean close) {
        synchronized (this) {
            session.unlock(System.currentTimeMillis());
            if (close || closed) {
                drop(user + '\0' + session.id(), session);
            }
        }
    }

    /** The value of {@code session_timeout} in seconds, as a server checks it. */
    static int parseTimeout(String parameter) {
        if (parameter == null) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(parameter);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0) {
            throw ClickHouseException.of(ErrorCodes.INVALID_SESSION_TIMEOUT,
                    "Invalid session timeout: '" + parameter + "'");
        }
        if (seconds > MAX_TIMEOUT_SECONDS) {
            throw ClickHouseException.of(ErrorCodes.INVALID_SESSION_TIMEOUT, "Session timeout '" + parameter
                    + "' is larger than max_session_timeout: " + MAX_TIMEOUT_SECONDS);
        }
        return seconds;
    }

    synchronized int size() {
        return sessions.size();
    }

    private synchronized void dropExpired() {
        long now = System.currentTimeMillis();
        new ArrayList<>(sessions.entrySet()).stream()
                .filter(e -> e.getValue().expired(now))
                .forEach(e -> drop(e.getKey(), e.getValue()));
    }

    private void drop(String key, NamedSession session) {
        sessions.remove(key, session);
        if (!session.closed()) {
            session.markClosed();
            engine.close(session.connection());
        }
    }

    /** Drops every idle session; a busy one is dropped when its request gives it back. */
    @Override
    public void close() {
        reaper.shutdownNow();
        List<ChdbConnection> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (var it = sessions.entrySet().iterator(); it.hasNext(); ) {
                NamedSession session = it.next().getValue();
                if (!session.busy()) {
                    it.remove();
                    session.markClosed();
                    toClose.add(session.connection());
                }
            }
        }
        toClose.forEach(engine::close);
    }
}
