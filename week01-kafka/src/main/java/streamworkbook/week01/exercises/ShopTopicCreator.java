package streamworkbook.week01.exercises;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.ShopTopics;
import streamworkbook.week01.TopicCreator;
import streamworkbook.week01.TopicReport;

/** Exercise 1.1 — your code. The contract is in {@link TopicCreator}; the steps in week01-kafka/README.md. */
public class ShopTopicCreator implements TopicCreator {

    @Override
    public List<TopicReport> createTopics(Admin admin, ShopTopics topics, int partitions, short replicationFactor,
            Map<String, String> topicConfig) throws ExecutionException, InterruptedException {
        // TODO 1.1: create one topic per event type and report how the cluster has them.
        //  1. For every name in topics.all(), build a NewTopic(name, partitions, replicationFactor)
        //     and attach the topic settings with .configs(topicConfig).
        //  2. Send them all in one admin.createTopics(...) call. The CreateTopicsResult has one future
        //     per topic: result.numPartitions(name).get() and result.replicationFactor(name).get()
        //     give the layout of a topic this call created (report it with created = true).
        //  3. get() throws ExecutionException when the broker refused. If its getCause() is a
        //     TopicExistsException, the topic is already there: not an error, remember its name.
        //     Re-throw anything else.
        //  4. For the topics that already existed only, admin.describeTopics(names).allTopicNames().get()
        //     tells you what they have: description.partitions().size() partitions, and the size of
        //     a partition's replicas() as replication factor (report them with created = false).
        //     Hint: do not describe the topics you just created — a broker may not know them yet.
        //  5. Return one TopicReport per topic, in the order of topics.all().
        throw new NotImplementedYet("1.1");
    }
}
