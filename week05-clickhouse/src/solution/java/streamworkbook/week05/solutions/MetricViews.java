package streamworkbook.week05.solutions;

import java.util.List;
import streamworkbook.week05.MinuteMetrics;

/** Reference solution of exercise 5.2. */
public class MetricViews implements MinuteMetrics {

    @Override
    public List<String> createViews() {
        return List.of(
                // SummingMergeTree: rows with the same ORDER BY key are added up when parts merge
                """
                CREATE TABLE minute_sales
                (
                    minute     DateTime('UTC'),
                    event_type LowCardinality(String),
                    events     UInt64,
                    revenue    Decimal(18, 2)
                )
                ENGINE = SummingMergeTree
                ORDER BY (event_type, minute)
                """,
                // runs on every block inserted into events, and inserts its result into minute_sales
                """
                CREATE MATERIALIZED VIEW minute_sales_mv TO minute_sales AS
                SELECT toStartOfMinute(event_time) AS minute,
                       event_type,
                       count() AS events,
                       sumIf(price * quantity, event_type = 'purchase') AS revenue
                FROM events
                GROUP BY minute, event_type
                """,
                // distinct counts cannot be added up: keep the state of uniqExact and merge states
                """
                CREATE TABLE minute_visitors
                (
                    minute   DateTime('UTC'),
                    users    AggregateFunction(uniqExact, String),
                    sessions AggregateFunction(uniqExact, String)
                )
                ENGINE = AggregatingMergeTree
                ORDER BY minute
                """,
                """
                CREATE MATERIALIZED VIEW minute_visitors_mv TO minute_visitors AS
                SELECT toStartOfMinute(event_time) AS minute,
                       uniqExactState(user_id) AS users,
                       uniqExactState(session_id) AS sessions
                FROM events
                GROUP BY minute
                """);
    }

    @Override
    public String salesPerMinute() {
        // parts are merged some time later, or never: always aggregate again when reading
        return """
                SELECT minute, event_type, sum(events) AS events, sum(revenue) AS revenue
                FROM minute_sales
                GROUP BY minute, event_type
                ORDER BY minute, event_type
                """;
    }

    @Override
    public String visitorsPerMinute() {
        return """
                SELECT minute, uniqExactMerge(users) AS users, uniqExactMerge(sessions) AS sessions
                FROM minute_visitors
                GROUP BY minute
                ORDER BY minute
                """;
    }
}
