package streamworkbook.week05.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week05.EventsSchema;

/** Exercise 5.1 — your code. The contract is in {@link EventsSchema}; the steps in week05-clickhouse/README.md. */
public class ShopEventsTable implements EventsSchema {

    @Override
    public String createEventsTable() {
        // TODO 5.1: return a CREATE TABLE events (...) statement (a Java text block """ ... """ reads well):
        //  1. the twelve columns of EventsSchema's javadoc, with exactly those types; event_time gets
        //     CODEC(Delta, ZSTD) after its type;
        //  2. ENGINE = MergeTree
        //  3. PARTITION BY toYYYYMM(event_time)
        //  4. ORDER BY (event_type, event_time)
        //  5. TTL toDateTime(event_time) + INTERVAL 1 YEAR
        //  Hint: try it first in `clickhouse client` or on http://localhost:8123/play, then paste it here.
        throw new NotImplementedYet("5.1");
    }
}
