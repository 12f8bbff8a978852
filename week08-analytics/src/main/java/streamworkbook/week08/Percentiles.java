package streamworkbook.week08;

import java.time.Instant;

/**
 * The percentiles of one key's values in one minute, as the analytics job writes them: once from the sketch
 * (8.2), once exactly, for comparison.
 *
 * @param key    what the values belong to (here: the event type whose prices they are)
 * @param minute the minute's start
 * @param method {@code tdigest} (the sketch) or {@code exact}
 */
public record Percentiles(String key, Instant minute, String method, long count, double p50, double p95, double p99) {

    public static Percentiles of(String key, Instant minute, String method, Quantiles q) {
        return new Percentiles(key, minute, method, q.count(), q.p50(), q.p95(), q.p99());
    }
}
