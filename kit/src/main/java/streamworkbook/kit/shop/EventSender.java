package streamworkbook.kit.shop;

import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Feeds the weeks' programs, tests and benchmarks: shop events to their type's topic
 * ({@code prefix + type.topic()}), keyed by user, as JSON. Not an exercise — week 1 teaches producers.
 */
public final class EventSender {

    private EventSender() {
    }

    /** Sends {@code count} events, {@code pauseMillis} apart (0: as fast as possible), and waits until all are written. */
    public static long send(KafkaEndpoint kafka, String topicPrefix, Iterator<ShopEvent> events, long count, long pauseMillis)
            throws InterruptedException {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            while (sent < count && events.hasNext() && !Thread.currentThread().isInterrupted()) {
                ShopEvent e = events.next();
                producer.send(new ProducerRecord<>(topicPrefix + e.type().topic(), e.userId(), ShopJson.toBytes(e)));
                sent++;
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** {@link #send(KafkaEndpoint, String, Iterator, long, long)} to the standard topics, without pauses. */
    public static long send(KafkaEndpoint kafka, Iterator<ShopEvent> events, long count) throws InterruptedException {
        return send(kafka, "", events, count, 0);
    }
}
