package streamworkbook.week06.solutions;

import streamworkbook.week06.EventsTable;
import streamworkbook.week06.IdempotentEvents;

/** Reference solution of exercise 6.2. */
public class ReplacingEvents implements IdempotentEvents {

    @Override
    public String createEventsTable() {
        // ReplacingMergeTree keeps one row per sorting key when it merges parts. The key must identify an
        // event: event_id makes it unique, and type and time before it keep week 5's fast range reads.
        // A duplicate has the same id, type and time, so it has the same key and lands in the same partition.
        return "CREATE TABLE IF NOT EXISTS events (" + EventsTable.COLUMNS + """
                )
                ENGINE = ReplacingMergeTree
                PARTITION BY toYYYYMM(event_time)
                ORDER BY (event_type, event_time, event_id)
                """;
    }

    @Override
    public String countsByType() {
        // merges happen some time later (or never, for a part that is big enough): FINAL deduplicates
        // while reading, so the answer is right at once
        return """
                SELECT event_type, count() AS events, sumIf(price * quantity, event_type = 'purchase') AS revenue
                FROM events FINAL
                GROUP BY event_type
                ORDER BY event_type
                """;
    }

    @Override
    public String distinctEvents() {
        // counts ids, not rows: right with or without merges, no FINAL needed
        return "SELECT uniqExact(event_id) FROM events";
    }
}
