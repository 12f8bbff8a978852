package streamworkbook.week05.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.ShopAnalytics;

/** Exercise 5.3 — your code. The contract is in {@link ShopAnalytics}; the steps in week05-clickhouse/README.md. */
public class AnalyticsQueries implements ShopAnalytics {

    @Override
    public String revenuePerHour() {
        // TODO 5.3: toStartOfHour(event_time) AS hour, sum(price * quantity) of purchases in [from, to),
        //  GROUP BY hour, ORDER BY hour WITH FILL FROM <from> TO <to> STEP INTERVAL 1 HOUR.
        //  Hint: each ? may appear once; name them first: WITH toDateTime(?, 'UTC') AS from_time, ... SELECT ...
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String topProductsPerCategory() {
        // TODO 5.3: join events (purchases) with products, revenue per (category, product_id),
        //  ORDER BY category, revenue DESC, product_id, and keep n rows per category with LIMIT ? BY category.
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String conversionFunnel() {
        // TODO 5.3: per user, windowFunnel(3600)(toDateTime(event_time), event_type = 'page_view', event_type = 'add_to_cart',
        //  event_type = 'purchase') AS level, for events WHERE toDate(event_time) = ?. Then count, for each
        //  step 1..3, the users with level >= step (ARRAY JOIN [1, 2, 3] AS step, or three countIf columns
        //  turned into rows). windowFunnel wants a DateTime (seconds), not a DateTime64: hence toDateTime.
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String orderValueQuantiles() {
        // TODO 5.3: the value of each order_id (a subquery), then quantilesExact(0.5, 0.9)(order_value).
        throw new NotImplementedYet("5.3");
    }

    @Override
    public String retention() {
        // TODO 5.3: for each user and day with events, the user's first day (min(toDate(event_time)) OVER
        //  (PARTITION BY user_id), or a join with a per-user min); then per user
        //  retention(day = cohort, day = cohort + 1, day = cohort + 7) AS r, and per cohort sum(r[1]), sum(r[2]), sum(r[3]).
        throw new NotImplementedYet("5.3");
    }
}
