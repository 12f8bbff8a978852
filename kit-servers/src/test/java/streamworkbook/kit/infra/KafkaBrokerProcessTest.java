package streamworkbook.kit.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.infra.local.KafkaBrokerProcess;

/** A broker in its own JVM survives `kill -9` with every acknowledged record (acks=all, then flushed to the page cache). */
class KafkaBrokerProcessTest {

    @Test
    void acknowledgedRecordsSurviveAKillAndRestart(@TempDir Path dir) throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir)) {
            KafkaEndpoint kafka = broker.endpoint();
            produce(kafka, "before-", 500);

            broker.kill();
            broker.restart();

            produce(kafka, "after-", 500);
            List<String> values = consumeAll(kafka, 1000);
            assertEquals(1000, values.size());
            assertEquals("before-0", values.get(0));
            assertEquals("before-499", values.get(499));
            assertEquals("after-0", values.get(500));
            assertEquals("after-499", values.get(999));
        }
    }

    private static void produce(KafkaEndpoint kafka, String prefix, int count) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("survivors", prefix + i));
            }
            producer.flush();
        }
    }

    private static List<String> consumeAll(KafkaEndpoint kafka, int expected) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("survivors"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
