package streamworkbook.week06;

/**
 * Exercise 6.2 — an {@code events} table where writing the same event twice changes no result.
 *
 * <p>A replay (a job restarted from a checkpoint, or run again over the same Kafka range) and a producer that
 * retried may deliver an event more than once: the same {@code event_id} with the same values. Two different events
 * may share a type and a time to the millisecond (two users buying at once): they are two events.
 */
public interface IdempotentEvents {

    /**
     * {@code CREATE TABLE IF NOT EXISTS events (…)} with the columns of {@link EventsTable#COLUMNS}, partitioned by
     * month of {@code event_time} as in week 5, sorted by a key that starts with week 5's
     * {@code (event_type, event_time)} (the dashboard's reads stay fast), on an engine that keeps one row per
     * event once parts are merged.
     */
    String createEventsTable();

    /**
     * Columns {@code event_type, events, revenue} (revenue = price × quantity of purchases, 0 for other types), one
     * row per type, ordered by type, each event counted once however often it was written — correct at once, before
     * ClickHouse has merged anything (the test stops merges).
     */
    String countsByType();

    /** One column, one row: the exact number of distinct events in the table, correct before merges too. */
    String distinctEvents();
}
