package streamworkbook.week09;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;

/** Shop events sent now, each as old as the test wants it: its event time a fixed age before the moment it is sent. */
final class TestEvents {

    /** When a batch went out: the first and the last send. */
    record Sent(Instant first, Instant last, int count) {
    }

    private TestEvents() {
    }

    /** {@code count} page views, spread evenly over {@code spread}, each with event time = its send time − {@code age}. */
    static Sent send(KafkaEndpoint kafka, String topic, int count, Duration age, Duration spread) throws InterruptedException {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long pauseNanos = count > 1 ? spread.toNanos() / (count - 1) : 0;
        Instant first = null;
        Instant last = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * pauseNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Instant now = Instant.now();
                first = first == null ? now : first;
                last = now;
                String user = "u-" + (i % 97);
                ShopEvent event = ShopEvent.pageView(UUID.randomUUID().toString(), now.minus(age), user, "s-" + (i % 13), "/", null);
                producer.send(new ProducerRecord<>(topic, user, ShopJson.toBytes(event)));
            }
            producer.flush();
        }
        return new Sent(first, last, count);
    }
}
