package streamworkbook.week05.solutions;

import streamworkbook.week05.EventsSchema;

/** Reference solution of exercise 5.1. */
public class ShopEventsTable implements EventsSchema {

    @Override
    public String createEventsTable() {
        return """
                CREATE TABLE events
                (
                    event_id   UUID,
                    event_type LowCardinality(String),
                    -- sorted inside each event type: consecutive values differ by a few ms, and Delta
                    -- turns them into small numbers that ZSTD packs into almost nothing
                    event_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
                    user_id    String,
                    session_id String,
                    product_id LowCardinality(String),
                    quantity   UInt16,
                    price      Decimal(12, 2),
                    order_id   String,
                    rating     UInt8,
                    query      String,
                    page       LowCardinality(String)
                )
                ENGINE = MergeTree
                -- one partition per month: few, large parts; old months can be dropped as a whole
                PARTITION BY toYYYYMM(event_time)
                -- every dashboard query filters on a type (purchases, views) and a time range:
                -- the sparse index finds that range with a binary search on the key prefix
                ORDER BY (event_type, event_time)
                -- raw events for a year; merges delete what has expired
                TTL toDateTime(event_time) + INTERVAL 1 YEAR
                """;
    }
}
