package streamworkbook.platform;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The questions the dashboard will answer, asked of ClickHouse directly and printed as tables. */
final class ShopReport {

    static final String EVENTS_BY_TYPE = """
            SELECT event_type, count() AS events, uniqExact(user_id) AS users
            FROM events FINAL GROUP BY event_type ORDER BY events DESC""";

    static final String REVENUE = """
            SELECT uniqExact(order_id) AS orders, sum(price * quantity) AS revenue,
                   round(quantileExact(0.5)(price * quantity), 2) AS median_line_value
            FROM events FINAL WHERE event_type = 'purchase'""";

    static final String TOP_PRODUCTS = """
            SELECT product_id, sum(price * quantity) AS revenue, sum(quantity) AS units
            FROM events FINAL WHERE event_type = 'purchase'
            GROUP BY product_id ORDER BY revenue DESC, product_id LIMIT 5""";

    static final String FUNNEL = """
            SELECT level AS reached_step, count() AS sessions
            FROM (
                -- windowFunnel takes DateTime (seconds), not DateTime64
                SELECT session_id,
                       windowFunnel(3600)(toDateTime(event_time), event_type = 'page_view', event_type = 'add_to_cart',
                                    event_type = 'purchase') AS level
                FROM events FINAL GROUP BY session_id
            )
            GROUP BY level ORDER BY level""";

    /** From the pipeline's own rollups (week 6, 6.3), not from the raw events. */
    static final String HOURLY_REVENUE = """
            SELECT bucket AS hour, events AS purchases, revenue
            FROM metrics FINAL WHERE level = 'hour' AND event_type = 'purchase'
            ORDER BY bucket LIMIT 6""";

    private ShopReport() {
    }

    static void print(Connection clickhouse, PrintStream out) throws SQLException {
        table(clickhouse, out, "Events by type", EVENTS_BY_TYPE);
        table(clickhouse, out, "Orders and revenue", REVENUE);
        table(clickhouse, out, "Top products by revenue", TOP_PRODUCTS);
        table(clickhouse, out, "Purchases per hour (the pipeline's hour rollup, first six hours)", HOURLY_REVENUE);
        table(clickhouse, out, "Funnel (page view → add to cart → purchase, within an hour, per session)", FUNNEL);
    }

    static java.util.Map<String, Long> eventsByType(Connection clickhouse) throws SQLException {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Statement s = clickhouse.createStatement(); ResultSet rs = s.executeQuery(EVENTS_BY_TYPE)) {
            while (rs.next()) {
                counts.put(rs.getString("event_type"), rs.getLong("events"));
            }
        }
        return counts;
    }

    static long count(Connection clickhouse, String sql) throws SQLException {
        try (Statement s = clickhouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void table(Connection clickhouse, PrintStream out, String title, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = clickhouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            String[] header = new String[meta.getColumnCount()];
            for (int i = 0; i < header.length; i++) {
                header[i] = meta.getColumnLabel(i + 1);
            }
            rows.add(header);
            while (rs.next()) {
                String[] row = new String[header.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row[i]).length());
            }
        }
        out.println();
        out.println("  " + title);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("    ");
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", rows.get(r)[i]));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("    " + "-".repeat(line.length() - 4));
            }
        }
    }
}
