package streamworkbook.week12;

import java.time.Duration;
import java.time.Instant;

/**
 * The time of the newest event in {@code events}: what {@code X-Data-Freshness} reports. Asked at most once a
 * second, however many requests need it (it is one read of the event_time column's newest part, but under load
 * even that adds up).
 */
public final class Freshness {

    private final ClickHouseHttp clickhouse;
    private final Duration reuse;
    private volatile Instant newest = Instant.EPOCH;
    private volatile long askedAtNanos;
    private volatile boolean asked;

    public Freshness(ClickHouseHttp clickhouse, Duration reuse) {
        this.clickhouse = clickhouse;
        this.reuse = reuse;
    }

    /** The newest event time (the epoch when there are no events). */
    public Instant newest() {
        long now = System.nanoTime();
        if (!asked || now - askedAtNanos > reuse.toNanos()) {
            synchronized (this) {
                if (!asked || System.nanoTime() - askedAtNanos > reuse.toNanos()) {
                    ClickHouseHttp.Result r = clickhouse.query(BoundQuery.of(
                            "SELECT toUnixTimestamp64Milli(max(event_time)) FROM events"));
                    newest = Instant.ofEpochMilli(r.row(0).get(0).asLong());
                    askedAtNanos = System.nanoTime();
                    asked = true;
                }
            }
        }
        return newest;
    }
}
