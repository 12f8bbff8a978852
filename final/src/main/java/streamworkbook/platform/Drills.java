package streamworkbook.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/** What every drill does after its fault: wait until the platform has caught up, and count. */
final class Drills {

    /**
     * How far behind the newest event a window must have ended for its rollup to be compared: the watermark trails
     * the newest event by 5 s of out-of-orderness and by how far apart the partitions' newest events are (the
     * slowest partition holds it); a minute covers both with room to spare at steady rates. Counts are taken with the
     * generator held, so the watermark does not move on meanwhile.
     */
    static final Duration CLOSED_MARGIN = Duration.ofSeconds(60);

    private Drills() {
    }

    /**
     * Polls until everything acknowledged is in ClickHouse exactly once and in the dead-letter topic, and the closed
     * rollups agree with the events; returns the last counts (exact, or what they were at the timeout).
     */
    static Reconciliation awaitCaughtUp(ClickHouseEndpoint clickhouse, streamworkbook.kit.infra.KafkaEndpoint kafka,
                                        PlatformTopics topics, long ackedValid, long ackedInvalid, Duration closedMargin,
                                        Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reconciliation last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = Reconciliation.of(ackedValid, ackedInvalid, clickhouse, kafka, topics.deadLetters(),
                        newestEvent(clickhouse).minus(closedMargin));
                if (last.exact()) {
                    return last;
                }
            } catch (SQLException | RuntimeException e) {
                lastError = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            Thread.sleep(2_000);
        }
        if (last == null) {
            throw new IllegalStateException("no counts within " + timeout.toSeconds() + " s", lastError);
        }
        return last;
    }

    static Instant newestEvent(ClickHouseEndpoint clickhouse) throws SQLException {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            return Instant.ofEpochMilli(Reconciliation.single(s, "SELECT toUnixTimestamp64Milli(max(event_time)) FROM events"));
        }
    }
}
