package streamworkbook.week04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.shop.ShopEvent;

@Exercise("4.5")
class EnrichmentTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static PostgresEndpoint db;

    private final Enrichment enrichment = Exercises.pick(streamworkbook.week04.exercises.AsyncProductEnrichment::new,
            streamworkbook.week04.solutions.AsyncProductEnrichment::new);

    @BeforeAll
    static void catalog() throws Exception {
        db = Infra.postgres().withFreshSchema("w4_enrich");
        try (Connection c = db.connect()) {
            ProductCatalog.createTables(c);
            ProductCatalog.insertCategory(c, 1, "Books");
            ProductCatalog.insertCategory(c, 2, "Electronics");
            ProductCatalog.insertProduct(c, "p-001", "Streaming Systems", 1, new BigDecimal("39.90"));
            ProductCatalog.insertProduct(c, "p-002", "Designing Data-Intensive Applications", 1, new BigDecimal("44.50"));
            ProductCatalog.insertProduct(c, "p-041", "USB-C cable 2 m", 2, new BigDecimal("9.99"));
        }
    }

    @Test
    void everyEventGetsItsProductAndCategoryAndUnknownProductsAreMarked() throws Exception {
        ShopEvent[] events = {
                TestEvents.view("u-1", 1, "p-001"),
                TestEvents.view("u-2", 2, "p-041"),
                TestEvents.view("u-1", 3, "p-001"),      // a cache hit
                TestEvents.view("u-3", 4, "p-999"),      // not in the catalog
                TestEvents.search(5),                    // no product at all
                TestEvents.view("u-2", 6, "p-002"),
                TestEvents.view("u-4", 7, "p-999")};
        StreamExecutionEnvironment env = TestFlink.environment();
        List<EnrichedEvent> out = new ArrayList<>(TestFlink.collect(
                enrichment.enrich(env.fromData(ShopEvent.class, events), JdbcSettings.of(db))));

        out.sort(Comparator.comparing(e -> e.event().eventTime()));
        ProductInfo book1 = new ProductInfo("p-001", "Streaming Systems", "Books", new BigDecimal("39.90"));
        ProductInfo book2 = new ProductInfo("p-002", "Designing Data-Intensive Applications", "Books", new BigDecimal("44.50"));
        ProductInfo cable = new ProductInfo("p-041", "USB-C cable 2 m", "Electronics", new BigDecimal("9.99"));
        ProductInfo unknown = new ProductInfo("p-999", "UNKNOWN", "UNKNOWN", BigDecimal.ZERO);
        ProductInfo none = new ProductInfo("", "UNKNOWN", "UNKNOWN", BigDecimal.ZERO);
        assertEquals(List.of(
                new EnrichedEvent(events[0], book1),
                new EnrichedEvent(events[1], cable),
                new EnrichedEvent(events[2], book1),
                new EnrichedEvent(events[3], unknown),
                new EnrichedEvent(events[4], none),
                new EnrichedEvent(events[5], book2),
                new EnrichedEvent(events[6], unknown)), out);
    }
}
