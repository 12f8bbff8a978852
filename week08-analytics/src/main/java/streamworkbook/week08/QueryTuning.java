package streamworkbook.week08;

import java.util.List;

/**
 * Exercise 8.6 — make three dashboard questions read at least ten times fewer rows, with the same answers.
 *
 * <p>The table {@code events_naive} ({@link NaiveEvents}) holds a few million events and answers the three
 * questions of {@link NaiveEvents} — correctly, by reading every row. {@link #createTable()} returns the statements
 * that create {@code events_tuned}: the same columns, with the same names and types in the same order (so that
 * {@code INSERT INTO events_tuned SELECT * FROM events_naive} copies it), and whatever table design makes the
 * questions cheap — sorting key, partitioning, data-skipping indexes, projections. The three queries ask the same
 * questions of {@code events_tuned}, with the same query parameters ({@code {from:DateTime64(3)}}, …), the same
 * columns in the same order and the same row order; each must return exactly what its naive form returns, and read
 * at most a tenth of the rows ({@code read_rows} of the {@code X-ClickHouse-Summary} header).
 */
public interface QueryTuning {

    /** {@code CREATE TABLE events_tuned …}, and any statement after it (an {@code ALTER TABLE … ADD …}). */
    List<String> createTable();

    /** {@link NaiveEvents#REVENUE_PER_MINUTE}, asked of {@code events_tuned}. */
    String revenuePerMinute();

    /** {@link NaiveEvents#ORDER_LOOKUP}, asked of {@code events_tuned}. */
    String orderLookup();

    /** {@link NaiveEvents#USER_ACTIVITY}, asked of {@code events_tuned}. */
    String userActivity();
}
