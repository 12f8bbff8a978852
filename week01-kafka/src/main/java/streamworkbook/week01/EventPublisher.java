package streamworkbook.week01;

import java.util.Map;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 1.2 — publish shop events to Kafka as JSON.
 */
public interface EventPublisher {

    /**
     * Sends every event to its type's topic ({@code topics.name(event.type())}) with
     * <ul>
     *   <li>key: the event's {@code userId} as a string, so one user's events stay in order;</li>
     *   <li>value: {@code ShopJson.toBytes(event)};</li>
     *   <li>{@code acks=all} and {@code enable.idempotence=true}: acknowledged means written to every
     *       in-sync replica, and a retry never writes a record twice.</li>
     * </ul>
     * Sends are asynchronous: a callback counts each acknowledged record and collects each failed one.
     * Returns only when every send has completed (flush), with nothing left in flight.
     *
     * @param config the caller's client settings, at least {@code bootstrap.servers}. Start from your own
     *               producer settings and then add all of these: a setting given here wins.
     * @param events the events, sent in iteration order (they may be produced lazily, e.g. rate limited)
     * @return how many records were acknowledged and which events failed, with their errors
     */
    PublishResult publish(Map<String, Object> config, ShopTopics topics, Iterable<ShopEvent> events);
}
