package streamworkbook.week05;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;

/** Test fixtures on the shared ClickHouse: a fresh database per test class, statements, typed rows. */
final class ClickHouse {

    /** The events table of 5.1, for the tests of 5.2–5.4 (so they do not depend on your 5.1). No TTL: fixed test dates. */
    static final String EVENTS_TABLE = """
            CREATE TABLE events (
                event_id UUID, event_type LowCardinality(String), event_time DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
                user_id String, session_id String, product_id LowCardinality(String), quantity UInt16,
                price Decimal(12, 2), order_id String, rating UInt8, query String, page LowCardinality(String))
            ENGINE = MergeTree PARTITION BY toYYYYMM(event_time) ORDER BY (event_type, event_time)
            """;

    static final String PRODUCTS_TABLE = """
            CREATE TABLE products (product_id String, name String, category LowCardinality(String))
            ENGINE = MergeTree ORDER BY product_id
            """;

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private ClickHouse() {
    }

    static ClickHouseEndpoint freshDatabase() {
        return Infra.clickhouse().withFreshDatabase("w5");
    }

    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        return query(c, sql, rs -> rs.getLong(1)).get(0);
    }
}
