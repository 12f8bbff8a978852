package streamworkbook.week04;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/** Test fixtures on the shared broker: fresh topics, records written before a job starts. */
final class TestKafka {

    private TestKafka() {
    }

    static String bootstrap() {
        return Infra.kafka().bootstrapServers();
    }

    /** A new topic with a unique name. */
    static String newTopic(String prefix, int partitions) throws Exception {
        String name = UniqueNames.next(prefix);
        createTopic(name, partitions);
        return name;
    }

    static void createTopic(String name, int partitions) throws Exception {
        Infra.kafka().createTopicsIfMissing(List.of(name), partitions);
    }

    /** Writes the events as JSON, keyed by user, and waits until all are acknowledged. */
    static void produceEvents(String topic, List<ShopEvent> events) throws Exception {
        produceRaw(topic, events.stream().map(ShopJson::toBytes).toList());
    }

    /** Reads every record of a topic's partitions up to their end offsets at the time of the call. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Writes raw record values (null allowed) to partition 0, in order, and waits until all are acknowledged. */
    static void produceRaw(String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
            }
        }
    }
}
