package streamworkbook.week08;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Given: the ClickHouse tables the analytics job writes, and the row binding of each. All are ReplacingMergeTree
 * keyed by what identifies a row, so a replay of the job (at-least-once sinks) rewrites rows instead of adding
 * them: read them with {@code FINAL}.
 */
public final class AnalyticsTables {

    /** Per series and minute: the value ({@code kind = value}), its sliding average ({@code sma}, at the window's end) and EMA ({@code ema}). */
    public static final String METRIC_POINTS = """
            CREATE TABLE IF NOT EXISTS metric_points
            (
                series     LowCardinality(String),
                kind       LowCardinality(String),
                at         DateTime('UTC'),
                value      Float64,
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            ORDER BY (series, kind, at)
            """;

    public static final String PERCENTILES = """
            CREATE TABLE IF NOT EXISTS price_percentiles
            (
                event_type LowCardinality(String),
                minute     DateTime('UTC'),
                method     LowCardinality(String),
                n          UInt64,
                p50        Float64,
                p95        Float64,
                p99        Float64,
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            ORDER BY (event_type, method, minute)
            """;

    public static final String TRENDS = """
            CREATE TABLE IF NOT EXISTS trends
            (
                series     LowCardinality(String),
                at         DateTime('UTC'),
                direction  LowCardinality(String),
                slope      Float64,
                mean       Float64,
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            ORDER BY (series, at)
            """;

    /** One row per series, minute and rule: an alert raised again by a replay replaces itself. */
    public static final String ALERTS = """
            CREATE TABLE IF NOT EXISTS alerts
            (
                series     LowCardinality(String),
                minute     DateTime('UTC'),
                rule       LowCardinality(String),
                value      Float64,
                expected   Float64,
                score      Float64,
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            ORDER BY (series, minute, rule)
            """;

    public static final List<String> ALL = List.of(METRIC_POINTS, PERCENTILES, TRENDS, ALERTS);

    public static final String INSERT_POINT = "INSERT INTO metric_points (series, kind, at, value) VALUES (?, ?, ?, ?)";
    public static final String INSERT_PERCENTILES =
            "INSERT INTO price_percentiles (event_type, minute, method, n, p50, p95, p99) VALUES (?, ?, ?, ?, ?, ?, ?)";
    public static final String INSERT_TREND = "INSERT INTO trends (series, at, direction, slope, mean) VALUES (?, ?, ?, ?, ?)";
    public static final String INSERT_ALERT =
            "INSERT INTO alerts (series, minute, rule, value, expected, score) VALUES (?, ?, ?, ?, ?, ?)";

    /** A point of a series: a minute's value, or an average of it. */
    public record Point(String series, String kind, Instant at, double value) {
    }

    private AnalyticsTables() {
    }

    public static void bindPoint(PreparedStatement ps, Point p) throws SQLException {
        ps.setString(1, p.series());
        ps.setString(2, p.kind());
        ps.setObject(3, utc(p.at()));
        ps.setDouble(4, p.value());
    }

    public static void bindPercentiles(PreparedStatement ps, Percentiles p) throws SQLException {
        ps.setString(1, p.key());
        ps.setObject(2, utc(p.minute()));
        ps.setString(3, p.method());
        ps.setLong(4, p.count());
        ps.setDouble(5, p.p50());
        ps.setDouble(6, p.p95());
        ps.setDouble(7, p.p99());
    }

    public static void bindTrend(PreparedStatement ps, Trend t) throws SQLException {
        ps.setString(1, t.series());
        ps.setObject(2, utc(t.at()));
        ps.setString(3, t.direction().name().toLowerCase(java.util.Locale.ROOT));
        ps.setDouble(4, t.slope());
        ps.setDouble(5, t.mean());
    }

    public static void bindAlert(PreparedStatement ps, Alert a) throws SQLException {
        ps.setString(1, a.series());
        ps.setObject(2, utc(a.minute()));
        ps.setString(3, a.rule());
        ps.setDouble(4, a.value());
        ps.setDouble(5, a.expected());
        ps.setDouble(6, a.score());
    }

    /** An instant with its offset: clickhouse-jdbc would read a LocalDateTime as the JVM's local time. */
    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
