package streamworkbook.week04;

import streamworkbook.kit.shop.ShopEvent;

/** A shop event with its product's catalog data. Both parts are Flink POJOs: no Kryo. */
public record EnrichedEvent(ShopEvent event, ProductInfo product) {
}
