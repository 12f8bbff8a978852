package streamworkbook.week09;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Exercise 9.2 — the contract of a consumer-lag sampler: how far each consumer group is behind, per partition, in
 * records and in seconds, measured from outside the group (as kafka-lag-exporter and Burrow do).
 *
 * <p>{@link #sample} returns one {@link PartitionLag} per group and partition for which the group has a committed
 * offset (partitions where it has none are left out; so are groups that do not exist), in no particular order:
 * <ul>
 *   <li>{@code committedOffset}: the group's committed offset of the partition — the offset of the next record the
 *       group will read after a restart;</li>
 *   <li>{@code endOffset}: the partition's end offset when sampled — the offset the next record written will get;</li>
 *   <li>{@code lag}: {@code endOffset − committedOffset} records (never below 0);</li>
 *   <li>{@code lagSeconds}: 0 when {@code lag} is 0; otherwise how long before {@code now} the next record the group
 *       will read was written: {@code now} minus that record's timestamp, in seconds (to the millisecond).</li>
 * </ul>
 * Sampling is read-only: it joins no group, commits nothing and leaves every group's offsets as they were.
 *
 * @see <a href="../../../../../README.md#92-a-consumer-lag-exporter">week09-monitoring/README.md#92-a-consumer-lag-exporter</a>
 */
public interface ConsumerLag {

    /** One partition's lag for one consumer group. */
    record PartitionLag(String group, TopicPartition partition, long committedOffset, long endOffset, long lag,
                        double lagSeconds) {
    }

    /**
     * Samples the lag of {@code groups}.
     *
     * @param admin  an admin client of the cluster
     * @param reader a consumer of raw bytes in no group ({@code group.id} unset, nothing committed, at most one record
     *               per poll), free for this method to assign to partitions and seek as it needs
     * @param groups the consumer groups to report
     * @param now    the instant the sample stands for: {@code lagSeconds} is measured up to it
     */
    List<PartitionLag> sample(Admin admin, Consumer<byte[], byte[]> reader, Collection<String> groups, Instant now)
            throws Exception;
}
