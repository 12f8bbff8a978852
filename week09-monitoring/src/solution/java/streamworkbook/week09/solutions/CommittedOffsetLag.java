package streamworkbook.week09.solutions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import streamworkbook.week09.ConsumerLag;

/** Reference solution of exercise 9.2. */
public class CommittedOffsetLag implements ConsumerLag {

    /** How long to wait for the record at a committed offset, which exists (the offset is below the end). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public List<PartitionLag> sample(Admin admin, Consumer<byte[], byte[]> reader, Collection<String> groups, Instant now)
            throws Exception {
        // 1. what each group has committed: the group coordinator's record, not any consumer's position (a consumer
        //    reads ahead of what it commits; Flink commits only when a checkpoint completes)
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> {
                        if (offset != null) { // a partition the group knows but never committed
                            offsets.put(partition, offset);
                        }
                    });
            committed.put(group, offsets);
        }

        // 2. the end of every partition concerned, in one request
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of() : admin.listOffsets(latest).all().get();

        // 3. lag in records and, from the timestamp of the next record to read, in seconds
        List<PartitionLag> lags = new ArrayList<>();
        committed.forEach((group, offsets) -> offsets.forEach((partition, offset) -> {
            long end = ends.get(partition).offset();
            long lag = Math.max(0, end - offset.offset());
            double seconds = lag == 0 ? 0 : (now.toEpochMilli() - timestampAt(reader, partition, offset.offset())) / 1000.0;
            lags.add(new PartitionLag(group, partition, offset.offset(), end, lag, seconds));
        }));
        return lags;
    }

    /** The timestamp of the first record at or after {@code offset}: the next one the group will read. */
    private static long timestampAt(Consumer<byte[], byte[]> reader, TopicPartition partition, long offset) {
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                return record.timestamp();
            }
        }
        throw new IllegalStateException("no record at offset " + offset + " of " + partition + " within " + READ_TIMEOUT);
    }
}
