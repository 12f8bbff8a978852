package streamworkbook.week09.exercises;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week09.ConsumerLag;

/**
 * Exercise 9.2 — how far behind is each consumer group? Per partition, in records and in seconds, from the group's
 * committed offsets, without disturbing the group.
 *
 * @see ConsumerLag the contract
 * @see <a href="../../../../../../README.md#92-a-consumer-lag-exporter">week09-monitoring/README.md#92-a-consumer-lag-exporter</a>
 */
public class CommittedOffsetLag implements ConsumerLag {

    @Override
    public List<PartitionLag> sample(Admin admin, Consumer<byte[], byte[]> reader, Collection<String> groups, Instant now) {
        throw new NotImplementedYet("9.2");
    }
}
