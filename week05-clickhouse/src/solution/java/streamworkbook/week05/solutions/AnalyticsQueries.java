package streamworkbook.week05.solutions;

import streamworkbook.week05.ShopAnalytics;

/** Reference solution of exercise 5.3. */
public class AnalyticsQueries implements ShopAnalytics {

    @Override
    public String revenuePerHour() {
        // the WITH names the two parameters once, so the range and WITH FILL share them
        return """
                WITH toDateTime(?, 'UTC') AS from_time, toDateTime(?, 'UTC') AS to_time
                SELECT toStartOfHour(event_time) AS hour, sum(price * quantity) AS revenue
                FROM events
                WHERE event_type = 'purchase' AND event_time >= from_time AND event_time < to_time
                GROUP BY hour
                ORDER BY hour WITH FILL FROM from_time TO to_time STEP INTERVAL 1 HOUR
                """;
    }

    @Override
    public String topProductsPerCategory() {
        // LIMIT n BY category: the first n rows of each category, in the ORDER BY order
        return """
                SELECT p.category AS category, e.product_id AS product_id, sum(e.price * e.quantity) AS revenue
                FROM events AS e
                INNER JOIN products AS p ON p.product_id = e.product_id
                WHERE e.event_type = 'purchase'
                GROUP BY category, product_id
                ORDER BY category, revenue DESC, product_id
                LIMIT ? BY category
                """;
    }

    @Override
    public String conversionFunnel() {
        // windowFunnel gives each user the longest chain of the steps, in order, within the window.
        // It takes DateTime (seconds, so the window 3600 is one hour), not DateTime64: toDateTime converts.
        return """
                SELECT step, countIf(level >= step) AS users
                FROM
                (
                    SELECT user_id,
                           windowFunnel(3600)(toDateTime(event_time), event_type = 'page_view',
                                              event_type = 'add_to_cart', event_type = 'purchase') AS level
                    FROM events
                    WHERE toDate(event_time) = ?
                      AND event_type IN ('page_view', 'add_to_cart', 'purchase')
                    GROUP BY user_id
                )
                ARRAY JOIN [1, 2, 3] AS step
                GROUP BY step
                ORDER BY step
                """;
    }

    @Override
    public String orderValueQuantiles() {
        return """
                SELECT quantilesExact(0.5, 0.9)(order_value) AS order_value
                FROM
                (
                    SELECT order_id, sum(price * quantity) AS order_value
                    FROM events
                    WHERE event_type = 'purchase'
                    GROUP BY order_id
                )
                """;
    }

    @Override
    public String retention() {
        // retention(c1, c2, c3) returns [c1, c1 AND c2, c1 AND c3] for each user: summing them counts users
        return """
                SELECT cohort, sum(r[1]) AS users, sum(r[2]) AS day1, sum(r[3]) AS day7
                FROM
                (
                    SELECT user_id, cohort,
                           retention(day = cohort, day = cohort + 1, day = cohort + 7) AS r
                    FROM
                    (
                        SELECT user_id, toDate(event_time) AS day,
                               min(toDate(event_time)) OVER (PARTITION BY user_id) AS cohort
                        FROM events
                    )
                    GROUP BY user_id, cohort
                )
                GROUP BY cohort
                ORDER BY cohort
                """;
    }
}
