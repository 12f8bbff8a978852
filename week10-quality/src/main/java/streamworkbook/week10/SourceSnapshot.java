package streamworkbook.week10;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Everything a set of topics holds at one moment: every partition from its first offset to its end offset at the
 * start of the read. Records written meanwhile are left for the next snapshot, so the numbers of one snapshot add up.
 */
public final class SourceSnapshot {

    private SourceSnapshot() {
    }

    /**
     * Calls {@code action} for every record of the topics (in offset order within each partition) and returns how
     * many there were. A topic that does not exist holds nothing.
     */
    public static long forEach(KafkaEndpoint kafka, Collection<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> action) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // reading must not create an empty topic
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);          // a snapshot reads everything: large polls
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions); // no group: nothing is committed, any number of snapshots may read at once
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long count = 0;
            List<TopicPartition> remaining = new ArrayList<>(partitions);
            remaining.removeIf(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= end.get(tp));
            consumer.pause(partitions);
            consumer.resume(remaining);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        action.accept(record);
                        count++;
                    }
                }
                for (TopicPartition tp : List.copyOf(remaining)) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            return count;
        }
    }
}
