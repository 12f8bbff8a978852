package streamworkbook.week01.solutions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week01.ConsumeSummary;
import streamworkbook.week01.ConsumedEvent;
import streamworkbook.week01.EventHandler;
import streamworkbook.week01.GroupConsumer;

/** Reference solution of exercise 1.3. */
public class ShopEventConsumer implements GroupConsumer {

    // A KafkaConsumer is not thread-safe: only run()'s thread uses it, except for wakeup(), the one
    // method meant to be called from another thread.
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopping;

    @Override
    public ConsumeSummary run(Map<String, Object> config, String groupId, Collection<String> topics, EventHandler handler) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Kafka 4's consumer group protocol (KIP-848): the broker assigns partitions, and a member joining
        // or leaving no longer stops the whole group. Brokers from 4.0 on enable it; clients still default
        // to "classic".
        settings.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);   // we commit after processing
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new group reads everything
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // Bytes, not a JSON deserializer: a bad value must reach our code, where we can skip it.
        // (A deserializer that throws inside poll() would block the partition at that record.)
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.putAll(config);

        long handled = 0;
        List<ConsumeSummary.SkippedRecord> skipped = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(settings)) {
            consumer = kafka;
            kafka.subscribe(topics);
            try {
                while (!stopping) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> r : records) {
                        ShopEvent event;
                        try {
                            event = ShopJson.fromBytes(r.value());
                        } catch (InvalidEventException e) {
                            // A poison record is reported and passed over; it is committed with the batch,
                            // so it is not read again (in week 10 it goes to a dead-letter topic instead).
                            skipped.add(new ConsumeSummary.SkippedRecord(r.topic(), r.partition(), r.offset(), e.getMessage()));
                            continue;
                        }
                        handler.handle(new ConsumedEvent(r.topic(), r.partition(), r.offset(), r.key(), event));
                        handled++;
                    }
                    if (!records.isEmpty()) {
                        // The whole batch is handled: commit the positions after it (at-least-once).
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // shutdown() woke us up inside poll() or commitSync(). Every record polled so far was
                // handled, so committing the current positions now is exact. commitAsync(), because a
                // wakeup that raced with this one could interrupt another commitSync(); close() below
                // waits for the pending commit, and close() is never woken up.
                kafka.commitAsync();
            }
            // closing the consumer leaves the group at once: its partitions move to the other members
            // now, not after session.timeout.ms.
        } finally {
            consumer = null;
        }
        return new ConsumeSummary(handled, skipped);
    }

    @Override
    public void shutdown() {
        stopping = true;            // seen by the loop if it is between two polls
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();       // makes a blocked (or the next) poll() throw WakeupException
        }
    }
}
