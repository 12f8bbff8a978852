package streamworkbook.week05;

/**
 * Exercise 5.1 — the table that holds every shop event, designed for the dashboard's queries.
 *
 * <p>{@link #createEventsTable()} returns one {@code CREATE TABLE events (…)} statement, without a
 * database name (it runs in the connection's database), that creates exactly:
 *
 * <table>
 *   <tr><th>column</th><th>type</th><th>why</th></tr>
 *   <tr><td>event_id</td><td>{@code UUID}</td><td>16 bytes instead of a 36-character string</td></tr>
 *   <tr><td>event_type</td><td>{@code LowCardinality(String)}</td><td>six values: dictionary-encoded</td></tr>
 *   <tr><td>event_time</td><td>{@code DateTime64(3, 'UTC')} with {@code CODEC(Delta, ZSTD)}</td><td>milliseconds; sorted, so deltas are tiny</td></tr>
 *   <tr><td>user_id, session_id</td><td>{@code String}</td><td>too many distinct values for LowCardinality</td></tr>
 *   <tr><td>product_id</td><td>{@code LowCardinality(String)}</td><td>a few thousand products</td></tr>
 *   <tr><td>quantity</td><td>{@code UInt16}</td><td>0 when the type has none</td></tr>
 *   <tr><td>price</td><td>{@code Decimal(12, 2)}</td><td>money is never a float</td></tr>
 *   <tr><td>order_id, query</td><td>{@code String}</td><td>empty when the type has none</td></tr>
 *   <tr><td>rating</td><td>{@code UInt8}</td><td>1–5, 0 when none</td></tr>
 *   <tr><td>page</td><td>{@code LowCardinality(String)}</td><td>a few dozen pages</td></tr>
 * </table>
 *
 * with {@code ENGINE = MergeTree}, {@code PARTITION BY toYYYYMM(event_time)},
 * {@code ORDER BY (event_type, event_time)} and {@code TTL toDateTime(event_time) + INTERVAL 1 YEAR}
 * (raw events are kept for a year; week 6's aggregates are kept for ever). No {@code Nullable}:
 * a missing value is the type's default.
 */
public interface EventsSchema {

    /** The {@code CREATE TABLE events …} statement described above. */
    String createEventsTable();
}
