package streamworkbook.week03;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/** Test fixtures on the shared broker: fresh topics, records written before a job starts, a group's offsets. */
final class TestKafka {

    private TestKafka() {
    }

    static String bootstrap() {
        return Infra.kafka().bootstrapServers();
    }

    /** A new topic with a unique name. */
    static String newTopic(String prefix, int partitions) throws Exception {
        String name = UniqueNames.next(prefix);
        Infra.kafka().createTopicsIfMissing(List.of(name), partitions);
        return name;
    }

    /** Writes the events as JSON to one partition, in order, and waits until all are acknowledged. */
    static void produceEvents(TopicPartition partition, List<ShopEvent> events) throws Exception {
        produceRaw(partition, events.stream().map(ShopJson::toBytes).toList());
    }

    /** Writes raw record values (null allowed) to partition 0, in order, and waits until all are acknowledged. */
    static void produceRaw(String topic, List<byte[]> values) throws Exception {
        produceRaw(new TopicPartition(topic, 0), values);
    }

    /** Writes raw record values (null allowed) to one partition, in order, and waits until all are acknowledged. */
    static void produceRaw(TopicPartition partition, List<byte[]> values) throws Exception {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), null, value)).get();
            }
        }
    }

    /**
     * Commits offsets for a consumer group that has no members (as an earlier run of a job would have left
     * them): the group's next reader of these partitions starts at these offsets.
     */
    static void commitOffsets(String groupId, Map<TopicPartition, Long> offsets) throws Exception {
        try (Admin admin = Infra.kafka().admin()) {
            admin.alterConsumerGroupOffsets(groupId, offsets.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
        }
    }
}
