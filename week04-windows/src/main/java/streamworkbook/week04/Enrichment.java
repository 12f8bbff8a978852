package streamworkbook.week04;

import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.5 — enrich events with product and category data from PostgreSQL. */
public interface Enrichment {

    /**
     * Adds each event's product to it, looked up in the catalog ({@link ProductCatalog}: {@code products}
     * joined with {@code categories}, by {@code products.sku = event.productId}) with Flink's async I/O:
     * <ul>
     *   <li>every event comes out exactly once, as an {@link EnrichedEvent} with product id, name,
     *       category name and list price;</li>
     *   <li>a product the catalog does not have — or an event without a product — gets
     *       {@link ProductInfo#unknown(String)}: never a null, never a dropped event;</li>
     *   <li>lookups are cached per parallel instance, so a popular product costs one query, not one
     *       per event.</li>
     * </ul>
     */
    DataStream<EnrichedEvent> enrich(DataStream<ShopEvent> events, JdbcSettings catalog);
}
