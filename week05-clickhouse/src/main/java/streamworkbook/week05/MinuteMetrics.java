package streamworkbook.week05;

import java.util.List;

/**
 * Exercise 5.2 — per-minute metrics kept up to date by materialized views.
 *
 * <p>The {@code events} table of 5.1 exists. {@link #createViews()} returns the statements that
 * create, in this order:
 * <ol>
 *   <li>table {@code minute_sales (minute DateTime('UTC'), event_type LowCardinality(String),
 *       events UInt64, revenue Decimal(18, 2))}, {@code ENGINE = SummingMergeTree ORDER BY (event_type, minute)};</li>
 *   <li>materialized view {@code minute_sales_mv TO minute_sales}: per {@code toStartOfMinute(event_time)} and
 *       event type, the number of events and the revenue ({@code price * quantity} of purchases, 0 for other types);</li>
 *   <li>table {@code minute_visitors (minute DateTime('UTC'), users AggregateFunction(uniqExact, String),
 *       sessions AggregateFunction(uniqExact, String))}, {@code ENGINE = AggregatingMergeTree ORDER BY minute};</li>
 *   <li>materialized view {@code minute_visitors_mv TO minute_visitors}: per minute,
 *       {@code uniqExactState(user_id)} and {@code uniqExactState(session_id)}.</li>
 * </ol>
 * The two queries must return correct results whether or not ClickHouse has merged the parts yet.
 */
public interface MinuteMetrics {

    /** The four statements above, in order. */
    List<String> createViews();

    /** Columns {@code minute, event_type, events, revenue} from {@code minute_sales}, ordered by minute, then event type. */
    String salesPerMinute();

    /** Columns {@code minute, users, sessions} (distinct counts) from {@code minute_visitors}, ordered by minute. */
    String visitorsPerMinute();
}
