package streamworkbook.week01.solutions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import streamworkbook.week01.ShopTopics;
import streamworkbook.week01.TopicCreator;
import streamworkbook.week01.TopicReport;

/** Reference solution of exercise 1.1. */
public class ShopTopicCreator implements TopicCreator {

    @Override
    public List<TopicReport> createTopics(Admin admin, ShopTopics topics, int partitions, short replicationFactor,
            Map<String, String> topicConfig) throws ExecutionException, InterruptedException {
        List<NewTopic> wanted = topics.all().stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(topicConfig))
                .toList();

        // One request for all topics. The result has one future per topic, so a topic that already
        // exists does not hide whether the others were created.
        CreateTopicsResult result = admin.createTopics(wanted);
        Map<String, TopicReport> reports = new HashMap<>();
        List<String> existing = new ArrayList<>();
        for (String name : topics.all()) {
            try {
                // The controller's answer carries the layout it gave the new topic.
                reports.put(name, new TopicReport(name, true,
                        result.numPartitions(name).get(), result.replicationFactor(name).get()));
            } catch (ExecutionException e) {
                // The admin client wraps the broker's error: look at the cause. An existing topic is
                // what we wanted anyway (idempotent); anything else (bad config, too few brokers) is real.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(name);
            }
        }

        // An existing topic keeps its own layout, whatever we asked for: read it back from the cluster.
        // (Only these: a topic created a moment ago may not be known to every broker yet.)
        if (!existing.isEmpty()) {
            Map<String, TopicDescription> described = admin.describeTopics(existing).allTopicNames().get();
            described.forEach((name, d) -> reports.put(name, new TopicReport(name, false,
                    d.partitions().size(), d.partitions().get(0).replicas().size())));
        }
        return topics.all().stream().map(reports::get).toList();
    }
}
