package streamworkbook.week05;

import java.util.List;

/**
 * Exercise 5.2 — per-minute metrics kept up to date by materialized views.
 *
 * <p>The {@code events} table of 5.1 exists. {@link #createViews()} returns the statements that create, in
 * an order that works (a view's target table before the view):
 * <ul>
 *   <li>table {@code minute_sales (minute DateTime('UTC'), event_type LowCardinality(String), events UInt64,
 *       revenue Decimal(18, 2))}, {@code ENGINE = SummingMergeTree}, sorting key {@code (event_type, minute)};</li>
 *   <li>materialized view {@code minute_sales_mv}, writing into {@code minute_sales}: per minute of
 *       {@code event_time} and event type, the number of events and the revenue ({@code price × quantity} of
 *       purchases; 0 for the other types);</li>
 *   <li>table {@code minute_visitors (minute DateTime('UTC'), users AggregateFunction(uniqExact, String),
 *       sessions AggregateFunction(uniqExact, String))}, {@code ENGINE = AggregatingMergeTree}, sorting key
 *       {@code minute};</li>
 *   <li>materialized view {@code minute_visitors_mv}, writing into {@code minute_visitors}: per minute, the
 *       distinct users and the distinct sessions.</li>
 * </ul>
 * Events inserted into {@code events} after these statements must show in the two queries below, whatever
 * the number of INSERTs they came in, and whether or not ClickHouse has merged the parts yet (the test
 * stops merges).
 */
public interface MinuteMetrics {

    /** The statements above. */
    List<String> createViews();

    /**
     * Columns {@code minute, event_type, events, revenue} from {@code minute_sales}: one row per minute and event
     * type that has events, ordered by minute, then event type.
     */
    String salesPerMinute();

    /**
     * Columns {@code minute, users, sessions} (how many distinct users and sessions had events in that minute) from
     * {@code minute_visitors}: one row per minute that has events, ordered by minute.
     */
    String visitorsPerMinute();
}
