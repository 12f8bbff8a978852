package streamworkbook.week06;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code metrics} table that the aggregates of 6.3 are written to. ReplacingMergeTree keyed by
 * (level, event type, bucket): a window that fires again after a restart, a replay or a late
 * event writes a row with the same key, and the newest row replaces the older ones.
 */
public final class MetricsTable {

    public static final String CREATE = """
            CREATE TABLE IF NOT EXISTS metrics
            (
                level      LowCardinality(String),
                bucket     DateTime('UTC'),
                event_type LowCardinality(String),
                events     UInt64,
                revenue    Decimal(18, 2),
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            ORDER BY (level, event_type, bucket)
            """;

    public static final String INSERT = "INSERT INTO metrics (level, bucket, event_type, events, revenue) VALUES (?, ?, ?, ?, ?)";

    private MetricsTable() {
    }

    /** Binds one metric to {@link #INSERT}: usable as a {@code JdbcStatementBuilder<Metric>} ({@code MetricsTable::bind}). */
    public static void bind(PreparedStatement ps, Metric m) throws SQLException {
        ps.setString(1, m.level());
        // an instant with its offset: clickhouse-jdbc would read a LocalDateTime as the JVM's local time
        ps.setObject(2, OffsetDateTime.ofInstant(m.bucket(), ZoneOffset.UTC));
        ps.setString(3, m.eventType());
        ps.setLong(4, m.events());
        ps.setBigDecimal(5, m.revenue());
    }
}
