package streamworkbook.week05.exercises;

import java.util.List;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.MinuteMetrics;

/** Exercise 5.2 — your code. The contract is in {@link MinuteMetrics}; the steps in week05-clickhouse/README.md. */
public class MetricViews implements MinuteMetrics {

    @Override
    public List<String> createViews() {
        // TODO 5.2: four statements, in order:
        //  1. CREATE TABLE minute_sales (...) ENGINE = SummingMergeTree ORDER BY (event_type, minute)
        //  2. CREATE MATERIALIZED VIEW minute_sales_mv TO minute_sales AS SELECT toStartOfMinute(event_time) AS minute,
        //     event_type, count() AS events, <revenue of purchases> AS revenue FROM events GROUP BY minute, event_type
        //     (sumIf(x, condition) adds x only where the condition holds)
        //  3. CREATE TABLE minute_visitors (minute ..., users AggregateFunction(uniqExact, String), sessions ...)
        //     ENGINE = AggregatingMergeTree ORDER BY minute
        //  4. CREATE MATERIALIZED VIEW minute_visitors_mv TO minute_visitors AS SELECT ..., uniqExactState(user_id) AS users, ...
        //  The view's column names must match the target table's: that is how TO maps them.
        throw new NotImplementedYet("5.2");
    }

    @Override
    public String salesPerMinute() {
        // TODO 5.2: read minute_sales. Parts are merged (and rows summed) whenever ClickHouse gets to it:
        //  until then one key can have several rows. So sum() again, GROUP BY minute, event_type.
        throw new NotImplementedYet("5.2");
    }

    @Override
    public String visitorsPerMinute() {
        // TODO 5.2: read minute_visitors with uniqExactMerge(users) and uniqExactMerge(sessions), GROUP BY minute.
        throw new NotImplementedYet("5.2");
    }
}
