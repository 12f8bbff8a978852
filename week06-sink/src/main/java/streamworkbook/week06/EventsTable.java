package streamworkbook.week06;

/**
 * The {@code events} table's columns (week 5's design) and the INSERT that the sink of 6.1 runs. The
 * table itself is created by exercise 6.2 (idempotent) or, in 6.1's tests, as a plain MergeTree.
 */
public final class EventsTable {

    /** The columns and types, without engine: {@code CREATE TABLE events (COLUMNS) ENGINE = …}. */
    public static final String COLUMNS = """
            event_id   UUID,
            event_type LowCardinality(String),
            event_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
            user_id    String,
            session_id String,
            product_id LowCardinality(String),
            quantity   UInt16,
            price      Decimal(12, 2),
            order_id   String,
            rating     UInt8,
            query      String,
            page       LowCardinality(String)""";

    /** Twelve placeholders, in the order of {@link #COLUMNS}. */
    public static final String INSERT = "INSERT INTO events (event_id, event_type, event_time, user_id, session_id,"
            + " product_id, quantity, price, order_id, rating, query, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private EventsTable() {
    }
}
