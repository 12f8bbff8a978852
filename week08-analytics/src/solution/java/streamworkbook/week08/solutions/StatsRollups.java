package streamworkbook.week08.solutions;

import java.util.List;
import streamworkbook.week08.MinuteRollups;

/** Reference solution of exercise 8.5. */
public class StatsRollups implements MinuteRollups {

    @Override
    public List<String> createRollups() {
        return List.of(
                // partial states, not numbers: a distinct count, a quantile or an average cannot be added up
                // from per-block results, but their states can be merged
                """
                CREATE TABLE minute_stats
                (
                    minute          DateTime('UTC'),
                    event_type      LowCardinality(String),
                    events          SimpleAggregateFunction(sum, UInt64),
                    users           AggregateFunction(uniq, String),
                    price_quantiles AggregateFunction(quantiles(0.5, 0.95, 0.99), Float64),
                    avg_price       AggregateFunction(avg, Float64)
                )
                ENGINE = AggregatingMergeTree
                ORDER BY (event_type, minute)
                """,
                // runs on every block inserted into events; -State keeps what -Merge needs later
                """
                CREATE MATERIALIZED VIEW minute_stats_mv TO minute_stats AS
                SELECT toStartOfMinute(event_time)                          AS minute,
                       event_type,
                       count()                                              AS events,
                       uniqState(user_id)                                   AS users,
                       quantilesState(0.5, 0.95, 0.99)(toFloat64(price))    AS price_quantiles,
                       avgState(toFloat64(price))                           AS avg_price
                FROM events
                GROUP BY minute, event_type
                """);
    }

    @Override
    public String perMinute() {
        // several rows per key until parts merge (perhaps never): always GROUP BY and -Merge when reading
        return """
                SELECT minute, event_type, events, users, q[1] AS p50, q[2] AS p95, q[3] AS p99, avg_price
                FROM (
                    SELECT minute, event_type, sum(events) AS events, uniqMerge(users) AS users,
                           quantilesMerge(0.5, 0.95, 0.99)(price_quantiles) AS q, avgMerge(avg_price) AS avg_price
                    FROM minute_stats
                    GROUP BY minute, event_type
                )
                ORDER BY minute, event_type
                """;
    }

    @Override
    public String perHour() {
        // the same states merged over 60 minutes: the hour's quantiles and average, not averages of the minutes'
        return """
                SELECT hour, event_type, events, users, q[1] AS p50, q[2] AS p95, q[3] AS p99, avg_price
                FROM (
                    SELECT toStartOfHour(minute) AS hour, event_type, sum(events) AS events, uniqMerge(users) AS users,
                           quantilesMerge(0.5, 0.95, 0.99)(price_quantiles) AS q, avgMerge(avg_price) AS avg_price
                    FROM minute_stats
                    GROUP BY hour, event_type
                )
                ORDER BY hour, event_type
                """;
    }
}
