package streamworkbook.week05;

/**
 * Exercise 5.3 — the dashboard's analytical queries, as SQL over {@code events} (5.1) and
 * {@code products (product_id String, name String, category LowCardinality(String))}.
 *
 * <p>Revenue is {@code price * quantity} of {@code purchase} events; times are UTC. Each method
 * returns one SELECT statement. Where a method lists parameters, write them as JDBC {@code ?}
 * placeholders, each used once, in the order listed: the test binds them with a
 * {@code PreparedStatement}, as an API would (never paste user input into SQL).
 */
public interface ShopAnalytics {

    /**
     * Revenue per hour for {@code event_time} in [from, to) — parameters {@code from}, {@code to}, both
     * whole hours, bound as {@code OffsetDateTime}s in UTC: columns {@code hour DateTime('UTC'), revenue}, one row for every hour of the range
     * (hours without purchases as 0: {@code WITH FILL}), ordered by hour.
     */
    String revenuePerHour();

    /**
     * The {@code n} products with the highest revenue in each category — parameter {@code n}: columns
     * {@code category, product_id, revenue}, at most {@code n} rows per category, ordered by category, then revenue
     * descending; products with equal revenue are ordered by product id (ascending), and that order also decides
     * which of them is among the {@code n}.
     */
    String topProductsPerCategory();

    /**
     * The conversion funnel page_view → add_to_cart → purchase of one day — parameter {@code day} (a Date): columns
     * {@code step, users} for steps 1, 2 and 3, ordered by step, where {@code users} is how many users reached at
     * least that step. A user reaches step k when the day holds their events of steps 1 to k in that order, all
     * within one hour of the step-1 event ({@code windowFunnel} with a window of 3,600 s); other events in between
     * do not matter.
     */
    String conversionFunnel();

    /**
     * The 50th and 90th percentile of order value (the revenue of one {@code order_id}, over all its purchase
     * events), exact: one row, one column {@code order_value} = {@code [p50, p90]}, where the percentile q of n
     * order values sorted ascending is the value at position ⌊q × n⌋ (counting from 0) — what
     * {@code quantilesExact} returns; no interpolation, no sampling.
     */
    String orderValueQuantiles();

    /**
     * Day-1 and day-7 retention by first-seen day: columns {@code cohort} (a user's first day with any
     * event, a Date), {@code users} (how many users have that first day), {@code day1} (of those, users with an event
     * on the day cohort + 1) and {@code day7} (on the day cohort + 7 — that day, not within seven days), ordered by
     * cohort.
     */
    String retention();
}
