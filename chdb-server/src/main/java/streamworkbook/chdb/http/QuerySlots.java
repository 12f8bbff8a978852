package streamworkbook.chdb.http;

import java.util.concurrent.Semaphore;

/**
 * How many statements the engine runs at once, over all connections and sessions.
 *
 * <p>chDB runs statements on different connections in parallel, so the server's concurrency is
 * this number, not a number of connections. A request beyond it waits for a slot (fairly, in
 * arrival order) instead of failing: a development server should absorb a dashboard's burst.
 * A slot is held while the engine works and, for a streamed result, until it is sent.
 */
final class QuerySlots {

    private final Semaphore slots;
    private final int limit;

    QuerySlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("need at least one query slot");
        }
        this.limit = limit;
        this.slots = new Semaphore(limit, true);
    }

    void acquire() throws InterruptedException {
        slots.acquire();
    }

    void release() {
        slots.release();
    }

    int limit() {
        return limit;
    }
}
