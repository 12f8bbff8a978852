package streamworkbook.week03;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        Infra.kafka().createTopicsIfMissing(List.of(name), partitions);
        return name;
    }

    /** Writes the events as JSON, keyed by user, and waits until all are acknowledged. */
    static void produceEvents(String topic, List<ShopEvent> events) throws Exception {
        produceRaw(topic, events.stream().map(ShopJson::toBytes).toList());
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
