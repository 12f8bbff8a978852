package streamworkbook.week01.exercises;

import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week01.EventPublisher;
import streamworkbook.week01.PublishResult;
import streamworkbook.week01.ShopTopics;

/**
 * Exercise 1.2 — publish shop events as JSON, each user's events in order, without waiting for each record's
 * round trip, and report exactly what the broker acknowledged.
 *
 * @see EventPublisher the contract
 * @see "week01-kafka/README.md#12-publish-events-as-json (hints: ./workbook hint 1.2)"
 */
public class JsonEventPublisher implements EventPublisher {

    @Override
    public PublishResult publish(Map<String, Object> config, ShopTopics topics, Iterable<ShopEvent> events) {
        throw new NotImplementedYet("1.2");
    }
}
