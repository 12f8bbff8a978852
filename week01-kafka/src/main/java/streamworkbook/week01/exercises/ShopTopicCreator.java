package streamworkbook.week01.exercises;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.ShopTopics;
import streamworkbook.week01.TopicCreator;
import streamworkbook.week01.TopicReport;

/**
 * Exercise 1.1 — create the shop's six topics with the Admin client, safely again and again: a topic that
 * already exists is no error, any other refusal is.
 *
 * @see TopicCreator the contract
 * @see "week01-kafka/README.md#11-create-the-shop-topics (hints: ./workbook hint 1.1)"
 */
public class ShopTopicCreator implements TopicCreator {

    @Override
    public List<TopicReport> createTopics(Admin admin, ShopTopics topics, int partitions, short replicationFactor,
            Map<String, String> topicConfig) throws ExecutionException, InterruptedException {
        throw new NotImplementedYet("1.1");
    }
}
