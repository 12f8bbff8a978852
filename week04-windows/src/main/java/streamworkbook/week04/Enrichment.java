package streamworkbook.week04;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.5 — enrich events with product and category data from PostgreSQL. */
public interface Enrichment {

    /** How many lookups, at least, each parallel instance runs at the same time when that many are needed. */
    int CONCURRENT_LOOKUPS = 4;

    /**
     * Adds each event's product to it, as the catalog in {@code catalog} describes it. The catalog answers one
     * product per call of its SQL function {@code product_info(sku text)}: zero rows for a product it does not
     * have, else one row {@code (name, category, price)} ({@link ProductCatalog} creates it).
     * <ul>
     *   <li>every event comes out exactly once, as an {@link EnrichedEvent} with the product's id, name,
     *       category and list price; in any order;</li>
     *   <li>a product the catalog does not have gets {@link ProductInfo#unknown(String) ProductInfo.unknown(id)},
     *       an event without a product {@code ProductInfo.unknown(null)}, without a lookup: never a null, never a
     *       dropped event;</li>
     *   <li>the stream does not wait for one lookup at a time: while lookups are running, the next events are
     *       taken in, and each parallel instance runs at least {@value #CONCURRENT_LOOKUPS} lookups at the same
     *       time when that many different products are needed;</li>
     *   <li>answers are cached per parallel instance: within {@code cacheExpiry} after a product was looked up,
     *       its events use that answer — one lookup per product, also for events that arrive while its lookup is
     *       still running, and also for products the catalog does not have;</li>
     *   <li>a cached answer is used for at most {@code cacheExpiry} after it was looked up: after that the product
     *       is looked up again, so a change in the catalog reaches the stream within {@code cacheExpiry}.</li>
     * </ul>
     */
    DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog, Duration cacheExpiry);
}
