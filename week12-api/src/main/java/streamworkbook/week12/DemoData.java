package streamworkbook.week12;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.Category;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.TrafficShape;

/**
 * Data for the API without running the pipeline: week 2's catalogue as dimension tables, week 7's generator's
 * events written straight into {@code events} (JSONEachRow), and the rollups computed from them in ClickHouse —
 * the same rows week 6's job writes into {@code metrics} for events that arrive in order (hours are sums of
 * minutes, days of hours), and this week's {@code product_hours}.
 */
public final class DemoData {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    /** Creates every table of {@link ApiTables} that is missing. */
    public static void createTables(ClickHouseHttp clickhouse) {
        ApiTables.ALL.forEach(clickhouse::execute);
    }

    /** Writes the catalogue's products (with their category's name) and users (with their country). */
    public static void loadDimensions(ClickHouseHttp clickhouse, Catalog catalog) {
        Map<Long, String> categories = catalog.categories().stream().collect(Collectors.toMap(Category::id, Category::name));
        ByteArrayOutputStream products = new ByteArrayOutputStream();
        for (var p : catalog.products()) {
            ObjectNode row = JSON.createObjectNode().put("sku", p.sku()).put("name", p.name()).put("category_id", p.categoryId())
                    .put("category", categories.getOrDefault(p.categoryId(), "?")).put("price", p.price());
            line(products, row);
        }
        clickhouse.insert("products", "JSONEachRow", products.toByteArray());
        ByteArrayOutputStream users = new ByteArrayOutputStream();
        for (var u : catalog.users()) {
            line(users, JSON.createObjectNode().put("user_id", Catalogue.userId(u.id())).put("country", u.country()));
        }
        clickhouse.insert("users", "JSONEachRow", users.toByteArray());
    }

    /**
     * {@code count} events of week 7's generator (the reference solutions, typical funnel and rhythm, no disorder)
     * for {@code catalog}, starting at {@code start}, about {@code perSecond} a second of event time.
     */
    public static List<ShopEvent> shopEvents(long seed, Instant start, double perSecond, int count, Catalog catalog) {
        Catalogue catalogue = Catalogue.of(catalog, seed);
        GeneratorSettings settings = GeneratorSettings.builder(seed, start).eventsPerSecond(perSecond)
                .shape(TrafficShape.typical()).build();
        ShopGenerator generator = new ShopGenerator(settings, catalogue, new streamworkbook.week07.solutions.FunnelSession(),
                new streamworkbook.week07.solutions.ShopRhythm(settings.shape()), new streamworkbook.week07.solutions.SchemaContracts());
        List<ShopEvent> events = new ArrayList<>(count);
        Iterator<GeneratedRecord> records = generator.records();
        while (events.size() < count) {
            events.add(ShopJson.fromBytes(records.next().value()));
        }
        return events;
    }

    /** Writes events into {@code events}, in batches. */
    public static void loadEvents(ClickHouseHttp clickhouse, List<ShopEvent> events) {
        for (int i = 0; i < events.size(); i += 100_000) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (ShopEvent e : events.subList(i, Math.min(events.size(), i + 100_000))) {
                line(batch, row(e));
            }
            clickhouse.insert("events", "JSONEachRow", batch.toByteArray());
        }
    }

    /** One event as a row of {@code events}: absent fields as the column's default. */
    public static ObjectNode row(ShopEvent e) {
        return JSON.createObjectNode()
                .put("event_id", e.eventId())
                .put("event_type", e.type().wireName())
                .put("event_time", TIME.format(e.eventTime()))
                .put("user_id", e.userId())
                .put("session_id", orEmpty(e.sessionId()))
                .put("product_id", orEmpty(e.productId()))
                .put("quantity", e.quantity() == null ? 0 : e.quantity())
                .put("price", e.price() == null ? java.math.BigDecimal.ZERO : e.price())
                .put("order_id", orEmpty(e.orderId()))
                .put("rating", e.rating() == null ? 0 : e.rating())
                .put("query", orEmpty(e.query()))
                .put("page", orEmpty(e.page()));
    }

    /**
     * Fills {@code metrics} from {@code events} for [{@code from}, {@code to}) as week 6's job would: minutes counted
     * from the deduplicated events, hours summed from those minutes, days from those hours.
     */
    public static void rollUpMetrics(ClickHouseHttp clickhouse, Instant from, Instant to) {
        BoundQuery minutes = BoundQuery.of("""
                INSERT INTO metrics (level, bucket, event_type, events, revenue)
                SELECT 'minute', toStartOfMinute(event_time) AS m, event_type, count(),
                       sumIf(price * quantity, event_type = 'purchase')
                FROM events FINAL
                WHERE event_time >= {from:DateTime64(3, 'UTC')} AND event_time < {to:DateTime64(3, 'UTC')}
                GROUP BY m, event_type
                """);
        clickhouse.execute(minutes.with("from", Step.DAY.floor(from)).with("to", Step.DAY.ceil(to)));
        for (String[] level : new String[][] {{"hour", "minute", "toStartOfHour"}, {"day", "hour", "toStartOfDay"}}) {
            clickhouse.execute(BoundQuery.of("""
                    INSERT INTO metrics (level, bucket, event_type, events, revenue)
                    SELECT {level:String}, %s(bucket) AS b, event_type, sum(events), sum(revenue)
                    FROM metrics FINAL
                    WHERE level = {finer:String} AND bucket >= {from:DateTime('UTC')} AND bucket < {to:DateTime('UTC')}
                    GROUP BY b, event_type
                    """.formatted(level[2])).with("level", level[0]).with("finer", level[1])
                    .with("from", Step.DAY.floor(from).getEpochSecond()).with("to", Step.DAY.ceil(to).getEpochSecond()));
        }
    }

    /**
     * Everything at once: tables, {@code catalog}'s dimensions, {@code count} generated events from {@code start},
     * the {@code metrics} rollups and {@code product_hours}. Returns the events written.
     */
    public static List<ShopEvent> load(ClickHouseHttp clickhouse, Catalog catalog, long seed, Instant start, double perSecond, int count) {
        List<ShopEvent> events = shopEvents(seed, start, perSecond, count, catalog);
        load(clickhouse, catalog, events);
        return events;
    }

    /** Tables, {@code catalog}'s dimensions, {@code events} and their rollups. */
    public static void load(ClickHouseHttp clickhouse, Catalog catalog, List<ShopEvent> events) {
        createTables(clickhouse);
        loadDimensions(clickhouse, catalog);
        loadEvents(clickhouse, events);
        Instant start = events.isEmpty() ? Instant.EPOCH : events.get(0).eventTime();
        Instant first = events.stream().map(ShopEvent::eventTime).min(Instant::compareTo).orElse(start);
        Instant last = events.stream().map(ShopEvent::eventTime).max(Instant::compareTo).orElse(start).plusMillis(1);
        rollUpMetrics(clickhouse, first, last);
        ProductRollup.refresh(clickhouse, first, last);
    }

    /** The same events moved in time so that the newest one happens at {@code end}. */
    public static List<ShopEvent> endingAt(List<ShopEvent> events, Instant end) {
        Instant last = events.stream().map(ShopEvent::eventTime).max(Instant::compareTo).orElse(end);
        java.time.Duration shift = java.time.Duration.between(last, end);
        return events.stream().map(e -> e.withEventTime(e.eventTime().plus(shift))).toList();
    }

    /** Products by SKU, for tests and the demo. */
    public static Map<String, streamworkbook.week02.Product> productsBySku(Catalog catalog) {
        return catalog.products().stream().collect(Collectors.toMap(streamworkbook.week02.Product::sku, Function.identity()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void line(ByteArrayOutputStream out, ObjectNode row) {
        try {
            out.write(JSON.writeValueAsBytes(row));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
