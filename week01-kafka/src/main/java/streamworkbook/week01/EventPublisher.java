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
     *   <li>key: the event's {@code userId}, so one user's events on a topic are read in the order they were sent;</li>
     *   <li>value: {@code ShopJson.toBytes(event)}.</li>
     * </ul>
     * A record counts as acknowledged only once every in-sync replica has it, and the producer's own retries
     * never write a record twice.
     *
     * <p>Sends are asynchronous: the next record is sent without waiting for the previous one's acknowledgement.
     * {@code publish} returns only when every send has completed, with nothing left in flight. A send that fails
     * is reported in the result with its error, never thrown. Each call reports its own sends only.
     *
     * @param config the caller's client settings, at least {@code bootstrap.servers}. Start from your own
     *               producer settings and then add all of these: a setting given here wins.
     * @param events the events, sent in iteration order (they may be produced lazily, e.g. rate limited)
     * @return how many records were acknowledged and which events failed, with their errors
     */
    PublishResult publish(Map<String, Object> config, ShopTopics topics, Iterable<ShopEvent> events);
}
