package streamworkbook.week02;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.KafkaEndpoint;

/** The producer the change feed is published with (by {@link PublisherApp} and the tests). */
public final class FeedProducer {

    private FeedProducer() {
    }

    public static KafkaProducer<String, String> create(KafkaEndpoint kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");                 // acknowledged = on every in-sync replica
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);    // the producer's own retries add no duplicates
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);                // a batch of changes goes out in few requests
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
