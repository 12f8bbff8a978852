package streamworkbook.kit.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared broker of the chosen provider is a real Kafka: topics, keys, partitions and offsets behave as such. */
class LocalKafkaTest {

    @Test
    void producesAndConsumesThroughTheSharedBroker() throws Exception {
        KafkaEndpoint kafka = Infra.kafka();
        String topic = UniqueNames.next("kit-roundtrip");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            assertEquals(Set.of(topic), Set.copyOf(admin.describeTopics(List.of(topic)).allTopicNames().get().keySet()));
            assertEquals(3, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        }

        Map<String, Object> producerConfig = kafka.clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 1000; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 7), "value-" + i));
            }
        }

        Map<String, Object> consumerConfig = kafka.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.next("kit-group"));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 1000 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertEquals(1000, received.size());
        // one key always lands on one partition, in the order it was sent
        for (int k = 0; k < 7; k++) {
            String key = "key-" + k;
            List<ConsumerRecord<String, String>> ofKey = received.stream().filter(r -> r.key().equals(key)).toList();
            assertEquals(1, ofKey.stream().map(ConsumerRecord::partition).distinct().count(), key);
            List<String> expected = new ArrayList<>();
            for (int i = k; i < 1000; i += 7) {
                expected.add("value-" + i);
            }
            assertEquals(expected, ofKey.stream().map(ConsumerRecord::value).toList(), key);
        }
    }
}
