package streamworkbook.week10;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import streamworkbook.kit.infra.ClickHouseEndpoint;

/**
 * Runs the quality checks of exercise 10.4 inside ClickHouse ({@code INSERT INTO quality_report SELECT … FROM (check)}:
 * the data never leaves the server) and reads back one run's rows.
 */
public final class QualityReport {

    /** One result: a check of one type (and minute, or column) with what was observed against what was expected. */
    public record Row(String check, String eventType, Instant minute, String column, long observed, long expected,
                      boolean passed, String detail) {
    }

    /** The checks, in the order they run and are printed. */
    public static final List<String> CHECKS = List.of("completeness", "freshness", "duplicates", "nulls", "out_of_range");

    private QualityReport() {
    }

    /** Replaces the contents of {@code source_counts} with the source's counts (the reconciliation's {@code expected}). */
    public static void writeSourceCounts(ClickHouseEndpoint clickhouse, Map<TypeMinute, Long> counts) throws SQLException {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(QualityTables.SOURCE_COUNTS);
            s.execute("TRUNCATE TABLE source_counts");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO source_counts (event_type, minute, events) VALUES (?, ?, ?)")) {
                for (Map.Entry<TypeMinute, Long> e : counts.entrySet()) {
                    insert.setString(1, e.getKey().type().wireName());
                    insert.setLong(2, e.getKey().minute().getEpochSecond()); // DateTime from seconds: no time zone involved
                    insert.setLong(3, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * Runs every check against the database's {@code events} and {@code source_counts} (which must exist), files the
     * results in {@code quality_report} (created if missing) under a new run id, and returns them ordered by check
     * ({@link #CHECKS}), type, minute and column. Freshness passes when the newest event is at most {@code maxLag} old;
     * every other check passes when it finds nothing wrong.
     */
    public static List<Row> run(ClickHouseEndpoint clickhouse, QualityChecks checks, Duration maxLag) throws SQLException {
        String run = UUID.randomUUID().toString();
        String head = "INSERT INTO quality_report (run_id, checked_at, check_name, event_type, minute, column_name, observed,"
                + " expected, passed, detail) SELECT toUUID('" + run + "'), fromUnixTimestamp64Milli(" + Instant.now().toEpochMilli() + "), ";
        long lag = maxLag.toMillis();
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(QualityTables.QUALITY_REPORT);
            s.execute(head + "'completeness', event_type, minute, '', toInt64(found), toInt64(expected), found = expected,"
                    + " '' FROM (" + checks.completeness() + ")");
            s.execute(head + "'freshness', event_type, toStartOfMinute(newest), '', toInt64(lag_ms), " + lag + ", lag_ms <= " + lag
                    + ", concat('newest event at ', toString(newest)) FROM (" + checks.freshness() + ")");
            s.execute(head + "'duplicates', event_type, toDateTime(0), '', toInt64(duplicates), 0, duplicates = 0, ''"
                    + " FROM (" + checks.duplicates() + ")");
            s.execute(head + "'nulls', event_type, toDateTime(0), column_name, toInt64(missing), 0, missing = 0, ''"
                    + " FROM (" + checks.nulls() + ")");
            s.execute(head + "'out_of_range', event_type, toDateTime(0), column_name, toInt64(out_of_range), 0, out_of_range = 0, ''"
                    + " FROM (" + checks.outOfRange() + ")");
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT check_name, event_type, toUnixTimestamp(minute), column_name, observed, expected,"
                    + " passed, detail FROM quality_report WHERE run_id = toUUID('" + run + "')"
                    + " ORDER BY indexOf(" + CHECKS.stream().map(n -> "'" + n + "'").toList() + ", check_name), event_type, minute, column_name")) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), Instant.ofEpochSecond(rs.getLong(3)), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getBoolean(7), rs.getString(8)));
                }
            }
            return rows;
        }
    }

    /** The rows as a table; with {@code onlyFailures}, the passed rows are summed up in one line per check. */
    public static void print(List<Row> rows, PrintStream out, boolean onlyFailures) {
        out.printf("%-13s %-17s %-20s %-11s %12s %12s  %s%n", "check", "type", "minute", "column", "observed", "expected", "");
        for (String check : CHECKS) {
            long passed = 0;
            for (Row r : rows) {
                if (!r.check().equals(check)) {
                    continue;
                }
                if (r.passed() && onlyFailures) {
                    passed++;
                    continue;
                }
                out.printf("%-13s %-17s %-20s %-11s %,12d %,12d  %s %s%n", r.check(), r.eventType(),
                        r.minute().getEpochSecond() == 0 ? "" : r.minute().toString(), r.column(), r.observed(), r.expected(),
                        r.passed() ? "✔" : "✘", r.detail());
            }
            if (passed > 0) {
                out.printf("%-13s %,d more passed%n", check, passed);
            }
        }
        long failed = rows.stream().filter(r -> !r.passed()).count();
        out.printf("%,d results, %,d failed%n", rows.size(), failed);
    }
}
