package streamworkbook.week11;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * What one instance of the floor reads and where it writes.
 *
 * @param kafka      the cluster to read from
 * @param partitions the partitions this instance reads (the harness splits a topic set's partitions between instances)
 * @param groupId    the consumer group whose committed offsets say what is already in ClickHouse
 * @param clickhouse the server; the table is in the database its JDBC URL names
 * @param table      a table with {@code EventsTable.COLUMNS}
 * @param batchSize  rows per INSERT
 * @param maxDelay   a row waits at most this long for its batch to fill before the batch is sent anyway
 * @param untilEnd   true: stop once every partition is read up to the end offset it had at the start (a bounded
 *                   run, as the benchmark's 1M events); false: run until asked to stop
 */
public record FloorJob(KafkaEndpoint kafka, List<TopicPartition> partitions, String groupId, ClickHouseEndpoint clickhouse,
                       String table, int batchSize, Duration maxDelay, boolean untilEnd) {

    public FloorJob {
        partitions = List.copyOf(partitions);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }
}
