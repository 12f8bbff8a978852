package streamworkbook.week08;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;

/**
 * Not a test: the before/after figures of exercise 8.6 for the README — rows and bytes read by each naive question
 * and its tuned form (reference solution), and what PREWHERE saves on the naive table. Same data as
 * {@code QueryTuningTest}. See the README for the command.
 */
public final class OptimisationFigures {

    private OptimisationFigures() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : QueryTuningTest.ROWS;
        ClickHouseEndpoint clickhouse = Infra.clickhouse().withFreshDatabase("w8_figures");
        String database = ReadCost.database(clickhouse);
        QueryTuning tuned = new streamworkbook.week08.solutions.TunedEvents();
        String order;
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement()) {
            s.execute(NaiveEvents.CREATE);
            s.execute(NaiveEvents.fill("events_naive", rows));
            for (String sql : tuned.createTable()) {
                s.execute(sql);
            }
            s.execute("INSERT INTO events_tuned SELECT * FROM events_naive");
            try (ResultSet rs = s.executeQuery("SELECT order_id FROM events_naive WHERE order_id != '' ORDER BY order_id LIMIT 1 OFFSET 4321")) {
                rs.next();
                order = rs.getString(1);
            }
        }
        System.out.printf("%,d rows%n%n| question | naive: rows read | bytes read | tuned: rows read | bytes read | fewer rows |%n"
                + "|---|---:|---:|---:|---:|---:|%n", rows);
        row(clickhouse, database, "revenue per minute, one hour", NaiveEvents.REVENUE_PER_MINUTE, tuned.revenuePerMinute(),
                Map.of("from", "2026-11-19 10:00:00", "to", "2026-11-19 11:00:00"));
        row(clickhouse, database, "one order's lines", NaiveEvents.ORDER_LOOKUP, tuned.orderLookup(), Map.of("order", order));
        row(clickhouse, database, "one user's activity", NaiveEvents.USER_ACTIVITY, tuned.userActivity(), Map.of("user", "u-4242"));

        String everyColumn = "SELECT * FROM events_naive %s order_id = {order:String} FORMAT Null";
        ReadCost.Measured where = ReadCost.measure(clickhouse, database, everyColumn.formatted("WHERE"), Map.of("order", order),
                Map.of("optimize_move_to_prewhere", "0"));
        ReadCost.Measured prewhere = ReadCost.measure(clickhouse, database, everyColumn.formatted("PREWHERE"), Map.of("order", order));
        System.out.printf("%nPREWHERE on events_naive, SELECT * … order_id = ?: WHERE (optimize_move_to_prewhere = 0) %,d rows, %,d bytes;"
                + " PREWHERE %,d rows, %,d bytes (%.0f× fewer bytes)%n", where.readRows(), where.readBytes(), prewhere.readRows(),
                prewhere.readBytes(), (double) where.readBytes() / prewhere.readBytes());
        System.exit(0);
    }

    private static void row(ClickHouseEndpoint ch, String db, String question, String naive, String tuned, Map<String, String> params)
            throws Exception {
        ReadCost.Measured before = ReadCost.measure(ch, db, naive, params);
        ReadCost.Measured after = ReadCost.measure(ch, db, tuned, params);
        if (!before.result().equals(after.result())) {
            throw new IllegalStateException(question + ": the answers differ");
        }
        System.out.printf("| %s | %,d | %,d | %,d | %,d | %.0f× |%n", question, before.readRows(), before.readBytes(),
                after.readRows(), after.readBytes(), (double) before.readRows() / after.readRows());
    }
}
