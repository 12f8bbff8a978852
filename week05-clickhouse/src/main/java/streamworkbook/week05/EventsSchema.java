package streamworkbook.week05;

/**
 * Exercise 5.1 — the table that holds every shop event, designed for the dashboard's queries.
 *
 * <p>{@link #createEventsTable()} returns one {@code CREATE TABLE events …} statement, without a
 * database name (it runs in the connection's database). The table has these twelve columns, in any
 * order, and no others:
 *
 * <table>
 *   <caption>the columns of events</caption>
 *   <tr><th>column</th><th>holds</th><th>requirement</th></tr>
 *   <tr><td>event_id</td><td>the event's id, a UUID</td><td>stored as a UUID (16 bytes), not as text</td></tr>
 *   <tr><td>event_type</td><td>one of six wire names, such as {@code purchase}</td><td>few distinct values: dictionary-encoded</td></tr>
 *   <tr><td>event_time</td><td>when it happened</td><td>milliseconds kept; in UTC whatever the server's time zone;
 *       compressed as the differences between neighbouring values, then with ZSTD</td></tr>
 *   <tr><td>user_id, session_id, order_id, query</td><td>ids with millions of values, free text</td><td>plain strings</td></tr>
 *   <tr><td>product_id, page</td><td>a few thousand products, a few dozen pages</td><td>few distinct values: dictionary-encoded</td></tr>
 *   <tr><td>quantity</td><td>items, 0 when the type has none</td><td>{@code UInt16}</td></tr>
 *   <tr><td>price</td><td>the unit price</td><td>exact to the cent, ten digits before the point: {@code Decimal(12, 2)}</td></tr>
 *   <tr><td>rating</td><td>1–5, 0 when none</td><td>{@code UInt8}</td></tr>
 * </table>
 *
 * <p>No column is {@code Nullable}: a missing value is the type's default. And:
 * <ul>
 *   <li>the engine keeps every row it is given: a plain {@code MergeTree};</li>
 *   <li>the data is managed by calendar month: the rows of one month (of {@code event_time}) are in their
 *       own partition, so that a month can be dropped at once — one partition per month, not per day;</li>
 *   <li>the dashboard's queries name an event type and a time range (the purchases of one day), or an event
 *       type alone (the top products of all time). For both, the primary index must let a read skip the
 *       granules of the other types and of the other times (checked with {@code EXPLAIN indexes = 1});</li>
 *   <li>a row is deleted one year after its {@code event_time} (raw events are kept for a year; week 6's
 *       aggregates are kept for ever).</li>
 * </ul>
 */
public interface EventsSchema {

    /** The {@code CREATE TABLE events …} statement described above. */
    String createEventsTable();
}
