package streamworkbook.week12;

import java.util.List;
import streamworkbook.week06.EventsTable;
import streamworkbook.week06.MetricsTable;
import streamworkbook.week08.AnalyticsTables;
import streamworkbook.week10.QualityTables;

/**
 * Every ClickHouse table the API reads, in one place: the shapes it expects, as DDL that tests and the demo run.
 *
 * <ul>
 *   <li>{@code events} and {@code metrics}: week 6's (its reference 6.2 table and {@link MetricsTable}).</li>
 *   <li>{@code alerts}: week 8's anomaly table ({@link AnalyticsTables#ALERTS}), and {@code quality_report}: week
 *       10's check results ({@link QualityTables#QUALITY_REPORT}).</li>
 *   <li>{@code products} and {@code users}: week 2's catalogue as ClickHouse dimension tables (category and country
 *       are not in the events), filled by {@link DemoData#loadDimensions}.</li>
 *   <li>{@code product_hours}: this week's own rollup — per hour and product — that answers top-N and the
 *       categories without reading raw events; filled by {@link ProductRollup}.</li>
 * </ul>
 */
public final class ApiTables {

    /** Week 6's idempotent events table (the reference solution of 6.2). */
    public static final String EVENTS = "CREATE TABLE IF NOT EXISTS events (" + EventsTable.COLUMNS + """
            )
            ENGINE = ReplacingMergeTree
            PARTITION BY toYYYYMM(event_time)
            ORDER BY (event_type, event_time, event_id)
            """;

    /** Week 6's minute, hour and day rollups (level, bucket, event_type, events, revenue). */
    public static final String METRICS = MetricsTable.CREATE;

    /** Week 8's alerts: one row per series, minute and rule (a replay replaces its own rows: read with FINAL). */
    public static final String ALERTS = AnalyticsTables.ALERTS;


    /** Week 10's quality report: one row per check result, every run under a new {@code run_id}. */
    public static final String QUALITY_REPORT = QualityTables.QUALITY_REPORT;

    /** Week 2's products, with their category's name: the dimension of the category breakdown. */
    public static final String PRODUCTS = """
            CREATE TABLE IF NOT EXISTS products (
                sku         String,
                name        String,
                category_id UInt32,
                category    LowCardinality(String),
                price       Decimal(12, 2)
            )
            ENGINE = ReplacingMergeTree
            ORDER BY sku
            """;

    /** Week 2's users as events name them ({@code u-<id>}), with their country. */
    public static final String USERS = """
            CREATE TABLE IF NOT EXISTS users (
                user_id String,
                country LowCardinality(String)
            )
            ENGINE = ReplacingMergeTree
            ORDER BY user_id
            """;

    /**
     * Per hour and product: the events that name the product, the purchases (order lines), units and revenue.
     * Recomputed hour by hour from {@code events FINAL} (so a replayed event is counted once); a recomputed hour
     * replaces the older rows of the same key: read with FINAL.
     */
    public static final String PRODUCT_HOURS = """
            CREATE TABLE IF NOT EXISTS product_hours (
                hour       DateTime('UTC'),
                product_id LowCardinality(String),
                events     UInt64,
                purchases  UInt64,
                units      UInt64,
                revenue    Decimal(18, 2),
                written_at DateTime64(3, 'UTC') DEFAULT now64(3)
            )
            ENGINE = ReplacingMergeTree(written_at)
            PARTITION BY toYYYYMM(hour)
            ORDER BY (hour, product_id)
            """;

    /** Every table, in an order that can be created one after the other. */
    public static final List<String> ALL = List.of(EVENTS, METRICS, ALERTS, QUALITY_REPORT, PRODUCTS, USERS, PRODUCT_HOURS);

    private ApiTables() {
    }
}
