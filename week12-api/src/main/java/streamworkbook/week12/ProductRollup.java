package streamworkbook.week12;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Fills {@code product_hours} from {@code events}: each hour recomputed whole, from the deduplicated events
 * ({@code FINAL}), and written as new rows that replace the hour's older ones (ReplacingMergeTree by
 * {@code written_at}). Recomputing is idempotent, so the API's background refresher can simply redo the last
 * hours every half minute — what ClickHouse's refreshable materialized views do on a real server.
 *
 * <p>Why not an ordinary materialized view: it would see each inserted block, not the table, and count a replayed
 * event (week 6's at-least-once sink) twice; {@code events} only becomes exact when read with FINAL.
 */
public final class ProductRollup {

    static final String REFRESH = """
            INSERT INTO product_hours (hour, product_id, events, purchases, units, revenue)
            SELECT toStartOfHour(event_time) AS hour, product_id, count(), countIf(event_type = 'purchase'),
                   sumIf(quantity, event_type = 'purchase'), sumIf(price * quantity, event_type = 'purchase')
            FROM events FINAL
            WHERE event_time >= {from:DateTime64(3, 'UTC')} AND event_time < {to:DateTime64(3, 'UTC')} AND product_id != ''
            GROUP BY hour, product_id
            """;

    private ProductRollup() {
    }

    /** Recomputes the hours that [{@code from}, {@code to}) touches. */
    public static void refresh(ClickHouseHttp clickhouse, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        clickhouse.execute(BoundQuery.of(REFRESH).with("from", start).with("to", end));
    }
}
