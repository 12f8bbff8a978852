package streamworkbook.week04;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/** Test fixtures on the shared broker: fresh topics, records written before a job starts, topics read back. */
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

    /** Writes the events as JSON, keyed by user, to partition 0 in order, and waits until all are acknowledged. */
    static void produceEvents(String topic, List<ShopEvent> events) throws Exception {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            // all sent at once, acknowledged together: the idempotent producer (Kafka's default) keeps their order
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ShopEvent event : events) {
                acks.add(producer.send(new ProducerRecord<>(topic, 0, event.userId(), ShopJson.toBytes(event))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    /** Reads every record of the topics up to their end offsets at the time of the call, per topic. */
    static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(Collection<String> topics) {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, List<ConsumerRecord<String, byte[]>>> records = new TreeMap<>();
            topics.forEach(topic -> records.put(topic, new ArrayList<>()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to their ends " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.get(r.topic()).add(r));
            }
            return records;
        }
    }
}
