package streamworkbook.week01;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Exercise 1.1 — create the shop's topics with the {@link Admin} client.
 */
public interface TopicCreator {

    /**
     * Creates one topic per {@link streamworkbook.kit.shop.EventType}, named {@code topics.name(type)},
     * with the given number of partitions, replication factor and topic-level configuration
     * (for example {@code min.insync.replicas} and {@code retention.ms}).
     *
     * <p>Idempotent: a topic that already exists is left as it is and is not an error, so running
     * this twice, or against a cluster where some topics exist, succeeds. Any other error is thrown.
     *
     * @return one report per event type, in {@code EventType} order, describing each topic as the
     *         cluster has it after this call: a new topic with the layout it was created with, an
     *         existing one with the layout it already had (whatever this call asked for); {@code created} is
     *         true only for topics this call created
     * @throws ExecutionException with the broker's error as its cause, for any refusal other than "the topic
     *         already exists" (for example a replication factor larger than the number of brokers)
     */
    List<TopicReport> createTopics(Admin admin, ShopTopics topics, int partitions, short replicationFactor,
            Map<String, String> topicConfig) throws ExecutionException, InterruptedException;
}
