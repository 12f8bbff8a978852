package streamworkbook.week05;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopTraffic;

/**
 * Week 5's questions asked of a real ClickHouse: the {@code events} table of 5.1 (filled with sample shop
 * traffic when it is empty), the per-minute views of 5.2, the dashboard's queries of 5.3 and what
 * {@code EXPLAIN indexes = 1} says about 5.4's query — each answer printed as a table.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week05 QueryConsoleApp               # your code (exercises 5.1–5.4)
 * ./workbook run week05 QueryConsoleApp --solutions   # the reference solutions
 * </pre>
 */
@Command(name = "QueryConsoleApp", mixinStandardHelpOptions = true,
        description = "Runs week 5's analytical queries on ClickHouse (sample data loaded if the table is empty) and prints the answers.")
public class QueryConsoleApp implements Callable<Integer> {

    private static final String PRODUCTS_TABLE = """
            CREATE TABLE IF NOT EXISTS products (product_id String, name String, category LowCardinality(String))
            ENGINE = MergeTree ORDER BY product_id
            """;

    private static final List<String> CATEGORIES = List.of("books", "games", "garden", "kitchen", "sports");

    @Option(names = "--database", defaultValue = "week05", description = "ClickHouse database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--events", defaultValue = "100000",
            description = "sample events to load when events is empty: one every 7 s up to now (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--fresh", description = "drop the database first: your new 5.1 and 5.2 statements, and new sample data")
    boolean fresh;

    @Option(names = "--clickhouse-url", description = "ClickHouse HTTP URL (default: CLICKHOUSE_URL, or http://localhost:8123)")
    String clickhouseUrl;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    // picked in call(), after --solutions has been read
    private EventsSchema schema;
    private MinuteMetrics metrics;
    private ShopAnalytics analytics;
    private IndexUsage indexes;

    /** One section of the output: a query that may use an exercise that is not done yet. */
    private interface Section {
        void run() throws SQLException;
    }

    public static void main(String[] args) {
        Programs.main(new QueryConsoleApp(), "week05-clickhouse", args);
    }

    @Override
    public Integer call() throws Exception {
        schema = Exercises.pick(streamworkbook.week05.exercises.ShopEventsTable::new,
                streamworkbook.week05.solutions.ShopEventsTable::new);
        metrics = Exercises.pick(streamworkbook.week05.exercises.MetricViews::new,
                streamworkbook.week05.solutions.MetricViews::new);
        analytics = Exercises.pick(streamworkbook.week05.exercises.AnalyticsQueries::new,
                streamworkbook.week05.solutions.AnalyticsQueries::new);
        indexes = Exercises.pick(streamworkbook.week05.exercises.ExplainIndexes::new,
                streamworkbook.week05.solutions.ExplainIndexes::new);
        ClickHouseEndpoint server = clickhouseUrl != null ? ClickHouseEndpoint.of(clickhouseUrl, "default", "")
                : Infra.forPrograms().clickhouse();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
            s.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        ClickHouseEndpoint clickhouse = server.withDatabase(database);
        try (Connection c = clickhouse.connect()) {
            prepare(c);
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            OffsetDateTime lastHour = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);

            section("5.3", "revenue per hour, the last 12 hours", () -> print(c, analytics.revenuePerHour(),
                    lastHour.minusHours(12), lastHour));
            section("5.3", "the top 3 products of each category", () -> print(c, analytics.topProductsPerCategory(), 3));
            section("5.3", "the funnel page view → cart → purchase of " + yesterday,
                    () -> print(c, analytics.conversionFunnel(), yesterday));
            section("5.3", "order value percentiles [p50, p90]", () -> print(c, analytics.orderValueQuantiles()));
            section("5.3", "day-1 and day-7 retention", () -> print(c, analytics.retention()));
            section("5.2", "sales per minute, the last 3 minutes", () -> print(c, "SELECT * FROM ("
                    + withoutSemicolon(metrics.salesPerMinute()) + ") ORDER BY minute DESC, event_type LIMIT 18"));
            section("5.2", "visitors per minute, the last 5 minutes", () -> print(c, "SELECT * FROM ("
                    + withoutSemicolon(metrics.visitorsPerMinute()) + ") ORDER BY minute DESC LIMIT 5"));
            section("5.4", "your purchasesOnOneDay() and what its indexes read", () -> {
                String query = indexes.purchasesOnOneDay();
                out.println(query.strip().indent(2).stripTrailing());
                print(c, query);
                explain(c, query);
            });
            section("5.4", "a filter outside the key: SELECT count() FROM events WHERE user_id = 'u-0007'",
                    () -> explain(c, "SELECT count() FROM events WHERE user_id = 'u-0007'"));
        }
        return 0;
    }

    /** The tables of 5.1 and 5.2, and sample data if events is empty. */
    private void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!exists(c, "events")) {
                s.execute(schema.createEventsTable()); // 5.1: nothing below works without it
                out.printf("created %s.events with your 5.1 statement%n", database);
            }
            s.execute(PRODUCTS_TABLE);
            if (!exists(c, "minute_sales")) {
                // views see only what is inserted after them: create them before the sample data
                section("5.2", "creating the per-minute views", () -> {
                    for (String statement : metrics.createViews()) {
                        s.execute(statement);
                    }
                    out.println("  created minute_sales, minute_visitors and their views");
                });
            }
            if (count(c, "SELECT count() FROM products") == 0) {
                s.execute(products());
            }
        }
        long rows = count(c, "SELECT count() FROM events");
        if (rows == 0) {
            long started = System.nanoTime();
            load(c);
            out.printf("loaded %,d sample events (the last %d days) in %.1f s%n", events,
                    Duration.ofSeconds(7L * events).toDays() + 1, (System.nanoTime() - started) / 1e9);
        } else {
            out.printf("%s.events holds %,d events (--fresh to start again with new sample data)%n", database, rows);
        }
    }

    /** Sample shop traffic, one event every 7 s, ending now: {@code ShopTraffic} from the kit. */
    private void load(Connection c) throws SQLException {
        // many users with a few events each, so that first days (cohorts) and funnels differ from user to user
        List<ShopEvent> sample = ShopTraffic.seed(5).users(5_000).gap(Duration.ofSeconds(7)).endingAt(Instant.now(), events);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (event_id, event_type, event_time, user_id,"
                + " session_id, product_id, quantity, price, order_id, rating, query, page)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int inBatch = 0;
            for (ShopEvent e : sample) {
                ps.setString(1, e.eventId());
                ps.setString(2, e.type().wireName());
                ps.setObject(3, OffsetDateTime.ofInstant(e.eventTime(), ZoneOffset.UTC)); // an instant, not the JVM's local time
                ps.setString(4, e.userId());
                ps.setString(5, Objects.requireNonNullElse(e.sessionId(), ""));
                ps.setString(6, Objects.requireNonNullElse(e.productId(), ""));
                ps.setInt(7, Objects.requireNonNullElse(e.quantity(), 0));
                ps.setBigDecimal(8, Objects.requireNonNullElse(e.price(), java.math.BigDecimal.ZERO));
                ps.setString(9, Objects.requireNonNullElse(e.orderId(), ""));
                ps.setInt(10, Objects.requireNonNullElse(e.rating(), 0));
                ps.setString(11, Objects.requireNonNullElse(e.query(), ""));
                ps.setString(12, Objects.requireNonNullElse(e.page(), ""));
                ps.addBatch();
                // one INSERT per 20,000 rows: a few parts, as a real loader would write
                if (++inBatch == 20_000) {
                    ps.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The kit's products p-001…p-200, spread over five categories. */
    private static String products() {
        StringBuilder values = new StringBuilder("INSERT INTO products VALUES ");
        for (int n = 1; n <= ShopTraffic.PRODUCTS; n++) {
            values.append(n == 1 ? "" : ", ").append(String.format("('p-%03d', 'Product %d', '%s')", n, n,
                    CATEGORIES.get(n % CATEGORIES.size())));
        }
        return values.toString();
    }

    private void section(String exercise, String title, Section section) throws SQLException {
        out.println();
        out.println("── " + exercise + " " + title);
        try {
            section.run();
        } catch (NotImplementedYet pending) {
            out.println("  exercise " + pending.exerciseId() + " is not done yet: `./workbook hint " + pending.exerciseId()
                    + "`, or run with --solutions");
        } catch (SQLException e) {
            out.println("  ClickHouse says: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void print(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                TextTable.of(rs).print(out);
            }
        }
    }

    private void explain(Connection c, String query) throws SQLException {
        TextTable table = new TextTable("index", "keys", "parts", "granules");
        for (IndexStep step : indexes.explainIndexes(c, query)) {
            table.add(step.index(), String.join(", ", step.keys()), step.partsSelected() + " of " + step.partsTotal(),
                    step.granulesSelected() + " of " + step.granulesTotal());
        }
        table.print(out);
    }

    private static String withoutSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
