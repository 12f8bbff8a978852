package streamworkbook.week10;

/**
 * Exercise 10.4 — data quality checks as ClickHouse SQL over the {@code events} table the pipeline fills (week 6's
 * idempotent ReplacingMergeTree, {@link QualityTables#EVENTS}) and the {@code source_counts} table (what the source
 * holds per type and minute: {@link QualityTables#SOURCE_COUNTS}). {@link QualityReport} runs each query and files
 * its rows in {@code quality_report}.
 *
 * <p>Every method returns one SELECT with exactly the columns named, in any order of rows. {@code events} may hold
 * the same event more than once (a replay, a producer's retry: same id, same row), not yet merged: an event counts
 * once wherever events are counted. Minutes are UTC ({@code toStartOfMinute(event_time)}). "A type that has events"
 * means a type with at least one row in {@code events}.
 *
 * <p>See week10-quality/README.md, section 10.4.
 */
public interface QualityChecks {

    /**
     * Completeness: columns {@code event_type, minute, expected, found}, one row per row of {@code source_counts}:
     * its {@code events} as {@code expected}, and as {@code found} the number of distinct events of that type in
     * {@code events} whose event time falls in that minute — 0 when there are none.
     */
    String completeness();

    /**
     * Freshness: columns {@code event_type, newest, lag_ms}, one row per type that has events: the newest event time
     * of that type, and the milliseconds from it to the server's clock now ({@code now64(3)}).
     */
    String freshness();

    /**
     * Duplicates that merging will never remove: columns {@code event_type, duplicates}, one row per type that has
     * events: how many more rows than distinct event ids remain once rows with the same sorting key are collapsed
     * (the same event id stored under two event times counts once as a duplicate; the same row written twice does
     * not count at all).
     */
    String duplicates();

    /**
     * Missing values: columns {@code event_type, column_name, missing}, one row per type that has events and per
     * text column that type must fill — {@code user_id} and {@code session_id} for every type; {@code page} for
     * page_view; {@code query} for search; {@code product_id} for add_to_cart, remove_from_cart, purchase and review;
     * {@code order_id} for purchase — with the number of distinct events of that type whose column is empty (the
     * columns are not Nullable: a value the event lacked was written as {@code ''}).
     */
    String nulls();

    /**
     * Values outside the contracts' ranges: columns {@code event_type, column_name, out_of_range}, one row per type
     * that has events and per ranged column of that type — {@code quantity} (1 to 1,000) and {@code price} (more
     * than 0, at most 1,000,000) for add_to_cart, remove_from_cart and purchase; {@code rating} (1 to 5) for review —
     * with the number of distinct events of that type whose value is outside the range.
     */
    String outOfRange();
}
