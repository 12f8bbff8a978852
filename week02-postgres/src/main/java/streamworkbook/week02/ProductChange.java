package streamworkbook.week02;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import streamworkbook.kit.shop.ShopJson;

/**
 * One row of the {@code product_changes} feed, as it travels on Kafka: the record value is this
 * record's JSON and the record key is the product id, so every change of one product lands on the
 * same partition, in order.
 *
 * <pre>{"change_id":17,"product_id":4242,"op":"update","changed_at":"2026-…Z","product":{"id":4242,"sku":"SKU-004242",…}}</pre>
 *
 * @param changeId  the feed's position (unique, increasing); consumers deduplicate on it
 * @param op        {@code insert} or {@code update}
 * @param product   the product row as it was right after the change
 */
public record ProductChange(long changeId, long productId, String op, Instant changedAt, Product product) {

    /** The topic the product change feed is published to. */
    public static final String TOPIC = "shop-product-changes";

    public String toJson() {
        try {
            return ShopJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize change " + changeId, e);
        }
    }

    public static ProductChange fromJson(String json) {
        try {
            return ShopJson.mapper().readValue(json, ProductChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a product change: " + json, e);
        }
    }
}
