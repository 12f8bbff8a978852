package streamworkbook.week08;

import java.util.List;

/**
 * Exercise 8.5 — dashboard metrics that ClickHouse keeps up to date itself: partial aggregation states per
 * minute, merged at query time into minutes, hours or days.
 *
 * <p>An {@code events} table with week 6's columns ({@code streamworkbook.week06.EventsTable#COLUMNS}) exists.
 * {@link #createRollups()} returns the statements that create, in an order that works:
 * <ul>
 *   <li>table {@code minute_stats}, {@code ENGINE = AggregatingMergeTree}, sorting key {@code (event_type, minute)},
 *       with exactly these columns:
 *       <pre>
 *       minute          DateTime('UTC')
 *       event_type      LowCardinality(String)
 *       events          SimpleAggregateFunction(sum, UInt64)
 *       users           AggregateFunction(uniq, String)
 *       price_quantiles AggregateFunction(quantiles(0.5, 0.95, 0.99), Float64)
 *       avg_price       AggregateFunction(avg, Float64)
 *       </pre></li>
 *   <li>materialized view {@code minute_stats_mv} into {@code minute_stats}: per minute of {@code event_time} and
 *       event type, the number of events, the distinct users, and the quantiles and the average of
 *       {@code toFloat64(price)}.</li>
 * </ul>
 * Rows inserted into {@code events} after these statements must show in both queries below exactly as the same
 * aggregates computed on {@code events} itself would ({@code count()}, {@code uniq(user_id)},
 * {@code quantiles(0.5, 0.95, 0.99)(toFloat64(price))}, {@code avg(toFloat64(price))}), whatever the number of
 * INSERTs they came in and whether or not ClickHouse has merged the parts yet.
 */
public interface MinuteRollups {

    /** The statements above. */
    List<String> createRollups();

    /**
     * From {@code minute_stats}, columns {@code minute, event_type, events, users, p50, p95, p99, avg_price}: one
     * row per minute and event type that had events, ordered by minute, then event type.
     */
    String perMinute();

    /**
     * From {@code minute_stats}, columns {@code hour, event_type, events, users, p50, p95, p99, avg_price} — the
     * same aggregates over whole hours ({@code hour} = the hour's start, {@code DateTime('UTC')}): one row per hour
     * and event type that had events, ordered by hour, then event type.
     */
    String perHour();
}
