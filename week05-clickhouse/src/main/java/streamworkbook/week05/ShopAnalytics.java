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
     * whole hours: columns {@code hour DateTime('UTC'), revenue}, one row for every hour of the range
     * (hours without purchases as 0: {@code WITH FILL}), ordered by hour.
     */
    String revenuePerHour();

    /**
     * The {@code n} products with the highest revenue in each category — parameter {@code n}: columns
     * {@code category, product_id, revenue}, ordered by category, then revenue descending (ties: product id).
     */
    String topProductsPerCategory();

    /**
     * The conversion funnel page_view → add_to_cart → purchase of one day, with {@code windowFunnel}
     * over one hour — parameter {@code day} (a Date): columns {@code step, users} for steps 1, 2 and 3,
     * where {@code users} is how many users reached at least that step, ordered by step.
     */
    String conversionFunnel();

    /**
     * The 50th and 90th percentile of order value (the revenue of one {@code order_id}), exact
     * ({@code quantilesExact}): one row, one column {@code order_value} = {@code [p50, p90]}.
     */
    String orderValueQuantiles();

    /**
     * Day-1 and day-7 retention by first-seen day: columns {@code cohort} (a user's first day with any
     * event, a Date), {@code users}, {@code day1} (of those, users with an event on cohort + 1) and
     * {@code day7} (on cohort + 7), ordered by cohort.
     */
    String retention();
}
