package streamworkbook.week01;

import streamworkbook.kit.shop.ShopEvent;

/**
 * A shop event together with where it was read from.
 *
 * @param topic     the topic of the record
 * @param partition its partition
 * @param offset    its offset in that partition
 * @param key       the record key (the user id), or null
 * @param event     the parsed value
 */
public record ConsumedEvent(String topic, int partition, long offset, String key, ShopEvent event) {
}
