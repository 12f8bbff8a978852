package streamworkbook.week05;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Exercise 5.4 — read {@code EXPLAIN indexes = 1} to see what the primary index saved. */
public interface IndexUsage {

    /**
     * Asks ClickHouse, on the connection, how it would read the tables of {@code query} ({@code EXPLAIN} with
     * {@code indexes = 1}, in the text or the JSON form) and returns one {@link IndexStep} per index it used, in
     * the order EXPLAIN lists them: for {@code events} of 5.1, {@code Min-Max}, {@code Partition}, then
     * {@code PrimaryKey}. The query itself is not run.
     */
    List<IndexStep> explainIndexes(Connection connection, String query) throws SQLException;

    /**
     * A query on {@code events} (5.1: sorted by event type, then event time) that counts the
     * {@code purchase} events of the UTC day 2026-11-24 — one row, one column, the count — written so that the
     * primary key leaves only the granules of that day's purchases.
     */
    String purchasesOnOneDay();
}
