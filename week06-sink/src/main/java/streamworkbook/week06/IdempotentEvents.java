package streamworkbook.week06;

/**
 * Exercise 6.2 — an {@code events} table where writing the same event twice changes no result.
 *
 * <p>A replay (a job restarted from a checkpoint, or run again over the same Kafka range) and a
 * producer that retried may deliver an event more than once. The table and the queries make that
 * harmless.
 */
public interface IdempotentEvents {

    /**
     * {@code CREATE TABLE IF NOT EXISTS events (…)} with {@link EventsTable#COLUMNS}, engine
     * {@code ReplacingMergeTree}, {@code PARTITION BY toYYYYMM(event_time)} and a sorting key that
     * identifies an event: {@code ORDER BY (event_type, event_time, event_id)}.
     */
    String createEventsTable();

    /**
     * Columns {@code event_type, events, revenue} (revenue = price × quantity of purchases), one row per
     * type, ordered by type, each event counted once however often it was written (use {@code FINAL}).
     */
    String countsByType();

    /** One column, one row: the number of distinct events in the table ({@code uniqExact}). */
    String distinctEvents();
}
