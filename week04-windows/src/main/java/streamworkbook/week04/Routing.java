package streamworkbook.week04;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 4.6 — route each event type to its own Kafka topic. */
public interface Routing {

    /**
     * A {@code KafkaSink} that writes each event to the topic {@code topicPrefix + event.type().topic()}
     * (with an empty prefix: {@code shop-page-view}, {@code shop-purchase}, …), keyed by {@code userId}
     * (UTF-8), the value {@code ShopJson.toBytes(event)}, at least once (nothing lost on a restart).
     * Every event goes to exactly the topic of its type — all six types — and the events of one topic and
     * user arrive there in the order the sink received them.
     */
    KafkaSink<ShopEvent> routeByType(String bootstrapServers, String topicPrefix);
}
