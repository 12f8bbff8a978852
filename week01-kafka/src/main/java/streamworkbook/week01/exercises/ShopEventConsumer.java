package streamworkbook.week01.exercises;

import java.util.Collection;
import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.ConsumeSummary;
import streamworkbook.week01.EventHandler;
import streamworkbook.week01.GroupConsumer;

/**
 * Exercise 1.3 — consume shop events as a member of a consumer group: never lose a record, skip the ones that
 * are not events, and stop cleanly when asked from another thread.
 *
 * @see GroupConsumer the contract
 * @see "week01-kafka/README.md#13-consume-with-a-consumer-group (hints: ./workbook hint 1.3)"
 */
public class ShopEventConsumer implements GroupConsumer {

    @Override
    public ConsumeSummary run(Map<String, Object> config, String groupId, Collection<String> topics, EventHandler handler) {
        throw new NotImplementedYet("1.3");
    }

    @Override
    public void shutdown() {
        throw new NotImplementedYet("1.3");
    }
}
