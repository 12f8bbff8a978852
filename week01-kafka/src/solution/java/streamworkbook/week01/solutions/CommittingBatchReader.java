package streamworkbook.week01.solutions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week01.BatchReader;
import streamworkbook.week01.ConsumedEvent;

/** Reference solution of exercise 1.4. */
public class CommittingBatchReader implements BatchReader {

    @Override
    public List<ConsumedEvent> read(Map<String, Object> config, String groupId, String topic, int maxRecords, Duration timeout) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"); // KIP-848, as in 1.3
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.putAll(config);

        List<ConsumedEvent> processed = new ArrayList<>();
        // What to commit: per partition, the offset of the NEXT record to read (last processed + 1).
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(Set.of(topic));
            while (processed.size() < maxRecords && System.nanoTime() < deadline) {
                // A poll returns up to max.poll.records (500) records, maybe more than we still want.
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (processed.size() == maxRecords) {
                        break;      // the rest stays uncommitted: the next reader of the group gets it
                    }
                    processed.add(new ConsumedEvent(r.topic(), r.partition(), r.offset(), r.key(), ShopJson.fromBytes(r.value())));
                    next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
            }
            // Commit exactly what we processed. commitSync() without arguments would commit the
            // consumer's position, which is past the records we polled but dropped: they would be lost.
            if (!next.isEmpty()) {
                consumer.commitSync(next);
            }
        }
        return processed;
    }
}
