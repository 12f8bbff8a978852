package streamworkbook.week01.solutions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week01.EventPublisher;
import streamworkbook.week01.PublishResult;
import streamworkbook.week01.ShopTopics;

/** Reference solution of exercise 1.2. */
public class JsonEventPublisher implements EventPublisher {

    @Override
    public PublishResult publish(Map<String, Object> config, ShopTopics topics, Iterable<ShopEvent> events) {
        Map<String, Object> settings = new HashMap<>();
        // acknowledged = written by every in-sync replica, so one broker failing loses nothing
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // the broker drops a retried batch it already has (producer id + sequence number): no duplicates
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.putAll(config);

        // Callbacks run on the producer's I/O thread, not on ours: use thread-safe holders.
        AtomicLong acked = new AtomicLong();
        List<PublishResult.Failure> failed = Collections.synchronizedList(new ArrayList<>());

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            for (ShopEvent event : events) {
                // Same key → same partition → the broker keeps this user's events in send order.
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(topics.name(event.type()), event.userId(), ShopJson.toBytes(event));
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.add(new PublishResult.Failure(event, error));
                    }
                });
            }
            // send() only queues the record; flush() waits until every send has completed and its
            // callback has run, so the counts below are final.
            producer.flush();
        }
        return new PublishResult(acked.get(), failed);
    }
}
