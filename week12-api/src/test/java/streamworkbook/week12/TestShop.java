package streamworkbook.week12;

import java.time.Instant;
import java.util.List;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week02.Catalog;
import streamworkbook.week02.CatalogGenerator;

/** The test data: week 7's generated traffic in a ClickHouse database of its own, loaded once per test JVM. */
final class TestShop {

    static final Catalog CATALOG = CatalogGenerator.generate(7, 20, 2_000, 1_000);
    /** Monday 2 March 2026, 10:00 UTC: the first event's time. */
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final int EVENTS = 30_000;

    /** A loaded database: its endpoint, a client, and the events it holds. */
    record Shop(ClickHouseEndpoint endpoint, ClickHouseHttp clickhouse, List<ShopEvent> events) {
        Instant first() {
            return events.stream().map(ShopEvent::eventTime).min(Instant::compareTo).orElseThrow();
        }

        Instant last() {
            return events.stream().map(ShopEvent::eventTime).max(Instant::compareTo).orElseThrow();
        }
    }

    private static Shop shared;

    private TestShop() {
    }

    /** 30,000 events from {@link #START}, about 10 a second, with every table and rollup. */
    static synchronized Shop shared() {
        if (shared == null) {
            ClickHouseEndpoint db = Infra.clickhouse().withFreshDatabase("w12shop");
            ClickHouseHttp ch = new ClickHouseHttp(db);
            List<ShopEvent> events = DemoData.load(ch, CATALOG, 7, START, 10, EVENTS);
            shared = new Shop(db, ch, events);
        }
        return shared;
    }

    /** A fresh database with every table of {@link ApiTables}, empty. */
    static Shop empty(String prefix) {
        ClickHouseEndpoint db = Infra.clickhouse().withFreshDatabase(prefix);
        ClickHouseHttp ch = new ClickHouseHttp(db);
        DemoData.createTables(ch);
        return new Shop(db, ch, List.of());
    }
}
