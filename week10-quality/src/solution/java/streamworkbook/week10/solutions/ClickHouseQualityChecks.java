package streamworkbook.week10.solutions;

import streamworkbook.week10.QualityChecks;

/**
 * Exercise 10.4, reference solution. Two habits run through every query: count events, not rows ({@code uniqExact} of
 * the id, or {@code FINAL}), because the table may still hold copies; and judge a stream by its event time, not by
 * when rows arrived.
 */
public class ClickHouseQualityChecks implements QualityChecks {

    @Override
    public String completeness() {
        // from the source's side: a minute the sink lost entirely must still appear, with found = 0
        return """
                SELECT s.event_type AS event_type, s.minute AS minute, s.events AS expected, coalesce(e.found, 0) AS found
                FROM source_counts AS s
                LEFT JOIN (
                    SELECT event_type, toStartOfMinute(event_time) AS minute, uniqExact(event_id) AS found
                    FROM events
                    GROUP BY event_type, minute
                ) AS e ON e.event_type = s.event_type AND e.minute = s.minute
                """;
    }

    @Override
    public String freshness() {
        // event time: how far behind reality the data is, not how recently some row arrived
        return """
                SELECT event_type, max(event_time) AS newest, dateDiff('millisecond', newest, now64(3)) AS lag_ms
                FROM events
                GROUP BY event_type
                """;
    }

    @Override
    public String duplicates() {
        // FINAL collapses rows with the same sorting key, as merges will; what still repeats an id never merges away
        return """
                SELECT event_type, count() - uniqExact(event_id) AS duplicates
                FROM events FINAL
                GROUP BY event_type
                """;
    }

    @Override
    public String nulls() {
        // one row per (event, column) pair, then keep only the columns each type must fill
        return """
                SELECT event_type, column_name, uniqExactIf(event_id, is_missing) AS missing
                FROM events
                ARRAY JOIN
                    ['user_id', 'session_id', 'page', 'query', 'product_id', 'order_id'] AS column_name,
                    [user_id = '', session_id = '', page = '', query = '', product_id = '', order_id = ''] AS is_missing
                WHERE column_name IN ('user_id', 'session_id')
                   OR column_name = 'page' AND event_type = 'page_view'
                   OR column_name = 'query' AND event_type = 'search'
                   OR column_name = 'product_id' AND event_type IN ('add_to_cart', 'remove_from_cart', 'purchase', 'review')
                   OR column_name = 'order_id' AND event_type = 'purchase'
                GROUP BY event_type, column_name
                """;
    }

    @Override
    public String outOfRange() {
        // a page view's quantity is 0 by design: a range applies only to the types whose contract has the field
        return """
                SELECT event_type, column_name, uniqExactIf(event_id, outside) AS out_of_range
                FROM events
                ARRAY JOIN
                    ['quantity', 'price', 'rating'] AS column_name,
                    [quantity NOT BETWEEN 1 AND 1000, price <= 0 OR price > 1000000, rating NOT BETWEEN 1 AND 5] AS outside
                WHERE column_name IN ('quantity', 'price') AND event_type IN ('add_to_cart', 'remove_from_cart', 'purchase')
                   OR column_name = 'rating' AND event_type = 'review'
                GROUP BY event_type, column_name
                """;
    }
}
