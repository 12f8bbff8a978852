package streamworkbook.week01.exercises;

import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week01.EventPublisher;
import streamworkbook.week01.PublishResult;
import streamworkbook.week01.ShopTopics;

/** Exercise 1.2 — your code. The contract is in {@link EventPublisher}; the steps in week01-kafka/README.md. */
public class JsonEventPublisher implements EventPublisher {

    @Override
    public PublishResult publish(Map<String, Object> config, ShopTopics topics, Iterable<ShopEvent> events) {
        // TODO 1.2: publish every event as JSON, keyed by user, and report what was acknowledged.
        //  1. Put your producer settings in a new HashMap (ProducerConfig has a constant for each):
        //     acks=all, enable.idempotence=true, key serializer StringSerializer, value serializer
        //     ByteArraySerializer. Then putAll(config), so the caller's settings win.
        //  2. Create a KafkaProducer<String, byte[]> in a try-with-resources block (close() releases
        //     its threads and sockets).
        //  3. For each event: new ProducerRecord<>(topics.name(event.type()), event.userId(),
        //     ShopJson.toBytes(event)) and producer.send(record, callback). The callback gets
        //     (metadata, exception): exception == null means acknowledged.
        //     Hint: callbacks run on the producer's own thread, so count with an AtomicLong and collect
        //     failures (new PublishResult.Failure(event, exception)) in a synchronized list.
        //  4. producer.flush() before reading the counts: send() only queues records.
        //  5. Return new PublishResult(acked, failures).
        throw new NotImplementedYet("1.2");
    }
}
