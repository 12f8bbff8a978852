package streamworkbook.week04.exercises;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week04.Routing;

/**
 * Exercise 4.6 — one Kafka sink that writes every event to its type's topic, keyed so that each shopper's events
 * stay in order for the consumers downstream.
 *
 * <p>The contract is {@link Routing}; the goal and graded hints are in
 * {@code week04-windows/README.md#46-route-events-to-their-topics} ({@code ./workbook hint 4.6}).
 */
public class TopicRouter implements Routing {

    @Override
    public KafkaSink<ShopEvent> routeByType(String bootstrapServers, String topicPrefix) {
        throw new NotImplementedYet("4.6");
    }
}
