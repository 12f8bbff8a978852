package streamworkbook.week08;

import java.time.Duration;
import java.time.Instant;

/**
 * The starting point of exercise 8.6: an events table designed for nothing in particular, a few million rows in it
 * made by ClickHouse itself, and the three questions the dashboard asks of it — each correct, each reading every
 * row.
 */
public final class NaiveEvents {

    /** The first event's time: the data spans the seven days from here. */
    public static final Instant START = Instant.parse("2026-11-16T00:00:00Z");
    public static final Duration SPAN = Duration.ofDays(7);

    /** Week 6's columns, sorted by the event id: a key no question ever filters on. */
    public static final String CREATE = """
            CREATE TABLE events_naive
            (
                event_id   UUID,
                event_type LowCardinality(String),
                event_time DateTime64(3, 'UTC'),
                user_id    String,
                session_id String,
                product_id LowCardinality(String),
                quantity   UInt16,
                price      Decimal(12, 2),
                order_id   String,
                rating     UInt8,
                query      String,
                page       LowCardinality(String)
            )
            ENGINE = MergeTree
            ORDER BY event_id
            """;

    /** Revenue and orders per minute in {@code [from, to)}. Parameters {@code from}, {@code to}. */
    public static final String REVENUE_PER_MINUTE = """
            SELECT toStartOfMinute(event_time) AS minute, count() AS orders, sum(price * quantity) AS revenue
            FROM events_naive
            WHERE event_type = 'purchase' AND event_time >= {from:DateTime64(3, 'UTC')} AND event_time < {to:DateTime64(3, 'UTC')}
            GROUP BY minute
            ORDER BY minute
            """;

    /** The lines of one order. Parameter {@code order}. */
    public static final String ORDER_LOOKUP = """
            SELECT event_time, user_id, product_id, quantity, price
            FROM events_naive
            WHERE order_id = {order:String}
            ORDER BY event_time, product_id
            """;

    /** What one user did, by event type. Parameter {@code user}. */
    public static final String USER_ACTIVITY = """
            SELECT event_type, count() AS events, max(event_time) AS last_seen
            FROM events_naive
            WHERE user_id = {user:String}
            GROUP BY event_type
            ORDER BY event_type
            """;

    /** Users the data is spread over (about {@code rows / USERS} events each). */
    public static final int USERS = 20_000;

    private NaiveEvents() {
    }

    /**
     * Fills {@code table} (the naive columns) with {@code rows} events in time order over {@link #SPAN} from
     * {@link #START}: 55 % page views, 15 % searches, 15 % add-to-cart, 5 % removals, 7 % purchases (each its own
     * order), 3 % reviews; users, products and prices from hashes of the row number, so the same {@code rows}
     * give the same data (but for the random event ids).
     */
    public static String fill(String table, long rows) {
        long spanMillis = SPAN.toMillis();
        return """
                INSERT INTO %1$s
                SELECT generateUUIDv4(n), type, time, user, session, product, quantity, price, order_id, rating, query, page
                FROM (
                    SELECT number AS n,
                           cityHash64(n) %% 100 AS dice,
                           multiIf(dice < 55, 'page_view', dice < 70, 'search', dice < 85, 'add_to_cart',
                                   dice < 90, 'remove_from_cart', dice < 97, 'purchase', 'review') AS type,
                           fromUnixTimestamp64Milli(toInt64(%2$d + intDiv(n * %3$d, %4$d)), 'UTC') AS time,
                           'u-' || toString(cityHash64(n, 1) %% %5$d) AS user,
                           's-' || toString(intDiv(n, 8)) AS session,
                           'SKU-' || leftPad(toString(cityHash64(n, 2) %% 2000), 6, '0') AS product,
                           toUInt16(if(type IN ('add_to_cart', 'remove_from_cart', 'purchase'), 1 + cityHash64(n, 3) %% 3, 0)) AS quantity,
                           toDecimal64(if(type IN ('add_to_cart', 'remove_from_cart', 'purchase'),
                                          (100 + cityHash64(n, 4) %% 49900) / 100, 0), 2) AS price,
                           if(type = 'purchase', 'o-' || lower(hex(cityHash64(n, 5))), '') AS order_id,
                           toUInt8(if(type = 'review', 1 + cityHash64(n, 6) %% 5, 0)) AS rating,
                           if(type = 'search', 'query ' || toString(cityHash64(n, 7) %% 500), '') AS query,
                           if(type = 'page_view', '/p/' || product, '') AS page
                    FROM numbers(%4$d)
                )
                """.formatted(table, START.toEpochMilli(), spanMillis, rows, USERS);
    }
}
