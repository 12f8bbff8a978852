package streamworkbook.week06.exercises;

import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week06.IdempotentEvents;

/** Exercise 6.2 — your code. The contract is in {@link IdempotentEvents}; the steps in week06-sink/README.md. */
public class ReplacingEvents implements IdempotentEvents {

    @Override
    public String createEventsTable() {
        // TODO 6.2: "CREATE TABLE IF NOT EXISTS events (" + EventsTable.COLUMNS + ") ENGINE = ReplacingMergeTree"
        //  + PARTITION BY toYYYYMM(event_time) + ORDER BY (event_type, event_time, event_id).
        //  Why is event_id in the key? ReplacingMergeTree keeps one row per sorting key.
        throw new NotImplementedYet("6.2");
    }

    @Override
    public String countsByType() {
        // TODO 6.2: event_type, count() AS events, sumIf(price * quantity, event_type = 'purchase') AS revenue, FROM events FINAL,
        //  GROUP BY and ORDER BY event_type. Without FINAL, duplicates not yet merged away are counted.
        throw new NotImplementedYet("6.2");
    }

    @Override
    public String distinctEvents() {
        // TODO 6.2: SELECT uniqExact(event_id) FROM events — distinct ids, correct before and after merges.
        throw new NotImplementedYet("6.2");
    }
}
