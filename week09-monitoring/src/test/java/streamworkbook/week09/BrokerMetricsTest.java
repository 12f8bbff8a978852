package streamworkbook.week09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;

/**
 * The Kafka broker as {@code ./workbook up} runs it, with the JMX exporter agent and the week's rules
 * ({@code monitoring/kafka/broker-jmx.yaml}): the exporter counts every message, exactly, and exposes only the
 * MBeans the rules keep, under the names the dashboards and alerts use. Credits no exercise.
 */
class BrokerMetricsTest {

    /** Every kafka_* metric the rules produce, and nothing else. */
    private static final Set<String> KEPT = Set.of(
            "kafka_server_brokertopicmetrics_messagesin_total", "kafka_server_brokertopicmetrics_bytesin_total",
            "kafka_server_brokertopicmetrics_bytesout_total", "kafka_network_request_total_time_ms", "kafka_network_requests_total",
            "kafka_server_replicamanager_underreplicatedpartitions", "kafka_server_replicamanager_underminisrpartitioncount",
            "kafka_server_replicamanager_partitioncount", "kafka_server_replicamanager_offlinereplicacount",
            "kafka_controller_kafkacontroller_activecontrollercount", "kafka_controller_kafkacontroller_offlinepartitionscount");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // the first test of the JVM starts the broker in a JVM of its own
    void theExporterCountsEveryMessageAndKeepsOnlyTheUsefulMBeans() throws Exception {
        ExporterBroker broker = ExporterBroker.shared();
        KafkaEndpoint kafka = broker.kafka();
        String topic = UniqueNames.next("w9-broker");
        kafka.createTopicsIfMissing(List.of(topic), 2);
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < 1_234; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "message " + i));
            }
        }
        readAll(kafka, topic, 1_234);

        Exposition metrics = Exposition.scrape(broker.metrics());
        assertEquals(1_234, metrics.sum("kafka_server_brokertopicmetrics_messagesin_total", s -> s.label("topic").equals(topic)),
                "messages in, counted by the broker for the topic");
        assertTrue(metrics.sum("kafka_server_brokertopicmetrics_bytesin_total", s -> s.label("topic").equals(topic)) > 1_234 * 10,
                "bytes in for the topic");
        assertTrue(metrics.sum("kafka_server_brokertopicmetrics_bytesout_total", s -> s.label("topic").equals(topic)) > 1_234 * 10,
                "bytes out for the topic, after a consumer read it all");
        assertEquals(0, metrics.sum("kafka_server_replicamanager_underreplicatedpartitions", s -> true), "under-replicated partitions");
        assertEquals(1, metrics.sum("kafka_controller_kafkacontroller_activecontrollercount", s -> true), "active controllers");
        assertEquals(Set.of("0.50", "0.75", "0.95", "0.98", "0.99", "0.999"),
                new TreeSet<>(metrics.named("kafka_network_request_total_time_ms", s -> s.label("request").equals("Produce"))
                        .stream().map(s -> s.label("quantile")).toList()), "quantiles of the produce latency");
        assertTrue(metrics.sum("kafka_network_requests_total", s -> s.label("request").equals("Produce")) >= 1, "produce requests");
        assertEquals(new TreeSet<>(KEPT), new TreeSet<>(metrics.namesStartingWith("kafka_")), "the kafka_* metrics exposed");
    }

    private static void readAll(KafkaEndpoint kafka, String topic, int expected) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.next("w9-broker-reader"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertEquals(expected, read, "messages read back");
        }
    }
}
