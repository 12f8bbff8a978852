package streamworkbook.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import streamworkbook.kit.shop.ShopEvent;

/**
 * The raw events table in ClickHouse. Sorted by (type, event_time) because the dashboard's
 * questions filter by type first and then by a time range; partitioned by month so old data can
 * be dropped a partition at a time.
 */
final class EventsTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS events (
                event_id   UUID,
                type       LowCardinality(String),
                event_time DateTime64(3, 'UTC'),
                user_id    String,
                session_id String,
                product_id String,
                quantity   UInt16,
                price      Decimal(12, 2),
                order_id   String,
                rating     UInt8,
                query      String,
                page       String
            )
            ENGINE = MergeTree
            PARTITION BY toYYYYMM(event_time)
            ORDER BY (type, event_time)""";

    private static final String INSERT = "INSERT INTO events (event_id, type, event_time, user_id, session_id, "
            + "product_id, quantity, price, order_id, rating, query, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventsTable() {
    }

    static void create(Connection clickhouse) throws SQLException {
        try (Statement s = clickhouse.createStatement()) {
            s.execute(DDL);
        }
    }

    /** One batch, one INSERT: ClickHouse wants few large inserts, not many small ones. */
    static void insert(Connection clickhouse, List<ShopEvent> events) throws SQLException {
        try (PreparedStatement insert = clickhouse.prepareStatement(INSERT)) {
            for (ShopEvent e : events) {
                insert.setString(1, e.eventId());
                insert.setString(2, e.type().wireName());
                insert.setString(3, MILLIS.format(e.eventTime()));
                insert.setString(4, e.userId());
                insert.setString(5, orEmpty(e.sessionId()));
                insert.setString(6, orEmpty(e.productId()));
                insert.setInt(7, e.quantity() == null ? 0 : e.quantity());
                insert.setBigDecimal(8, e.price() == null ? java.math.BigDecimal.ZERO : e.price());
                insert.setString(9, orEmpty(e.orderId()));
                insert.setInt(10, e.rating() == null ? 0 : e.rating());
                insert.setString(11, orEmpty(e.query()));
                insert.setString(12, orEmpty(e.page()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
