package streamworkbook.week01;


import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/**
 * Plain Kafka clients the tests use to set up and check, independent of the exercises: creating
 * topics, producing known records, reading a topic back to its end, reading a group's commits.
 */
final class KafkaFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaFixtures() {
    }

    static KafkaEndpoint kafka() {
        return Infra.kafka();
    }

    /** Topic names no other test uses: {@code w1-xxxxxxxx.shop-page-view} … */
    static ShopTopics uniqueTopics() {
        return new ShopTopics(UniqueNames.next("w1") + ".");
    }

    /** Creates the topics and waits until they are ready for producers (see {@link #awaitReady}). */
    static void createTopics(Collection<String> names, int partitions) {
        kafka().createTopicsIfMissing(names, partitions);
    }

    /**
     * Waits until the broker leads every partition of the topics: an idempotent producer that sends to a
     * topic the broker has not finished creating can stall until its delivery timeout (kit's
     * {@code KafkaEndpoint.awaitTopicsReady} explains why).
     */
    static void awaitReady(Collection<String> names) {
        kafka().awaitTopicsReady(names, TIMEOUT);
    }

    /** Sends each event to its type's topic, keyed by user, and waits until all are written. */
    static void produce(ShopTopics topics, List<ShopEvent> events) {
        List<ProducerRecord<String, byte[]>> records = events.stream()
                .map(e -> new ProducerRecord<>(topics.name(e.type()), e.userId(), ShopJson.toBytes(e)))
                .toList();
        produceRecords(records);
    }

    /** A new one-partition topic holding {@code events} (keyed by user, offsets in list order); its name. */
    static String topicWith(String prefix, List<ShopEvent> events) {
        String topic = UniqueNames.next(prefix);
        createTopics(List.of(topic), 1);
        produceTo(topic, events);
        return topic;
    }

    /** Sends every event to one topic, keyed by user, and waits until all are written. */
    static void produceTo(String topic, List<ShopEvent> events) {
        produceRecords(events.stream().map(e -> new ProducerRecord<>(topic, e.userId(), ShopJson.toBytes(e))).toList());
    }

    /** Sends records in order (a null value is allowed) and waits until all are written. */
    static void produceRecords(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = kafka().clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /**
     * Every record of the topics, from the beginning up to their current end offsets, without a group.
     * Returned per partition in offset order (partitions in the order of the topic names, then number).
     */
    static List<ConsumerRecord<String, byte[]>> readAll(Collection<String> topics) {
        Map<String, Object> config = kafka().clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, TIMEOUT)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> read = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to their end offsets " + end + " in " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), tp -> new ArrayList<>()).add(r);
                }
            }
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            partitions.forEach(tp -> all.addAll(read.getOrDefault(tp, List.of())));
            return all;
        }
    }

    private static Map<String, Object> rawConsumerConfig() {
        Map<String, Object> config = kafka().clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    /** The end offset (next offset to be written) of every non-empty partition of the topics. */
    static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(rawConsumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, TIMEOUT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions, TIMEOUT).entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /** The offsets a consumer group has committed, per partition (partitions committed at 0 left out). */
    static Map<TopicPartition, Long> committed(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
