package streamworkbook.week01.exercises;

import java.util.Collection;
import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.ConsumeSummary;
import streamworkbook.week01.EventHandler;
import streamworkbook.week01.GroupConsumer;

/** Exercise 1.3 — your code. The contract is in {@link GroupConsumer}; the steps in week01-kafka/README.md. */
public class ShopEventConsumer implements GroupConsumer {

    // TODO 1.3: keep the running consumer (and a "stopping" flag) in volatile fields, so that
    //  shutdown(), called from another thread, can see them.

    @Override
    public ConsumeSummary run(Map<String, Object> config, String groupId, Collection<String> topics, EventHandler handler) {
        // TODO 1.3: a poll loop with manual commits and a clean shutdown.
        //  1. Settings (ConsumerConfig constants): group.id=groupId, enable.auto.commit=false,
        //     auto.offset.reset=earliest, key deserializer StringDeserializer, value deserializer
        //     ByteArrayDeserializer (parse the JSON yourself, so a bad record cannot break poll()).
        //     Then putAll(config): the caller's settings win.
        //  2. new KafkaConsumer<String, byte[]>(settings) in try-with-resources; store it in your field;
        //     subscribe(topics).
        //  3. Loop until stopping: records = consumer.poll(Duration.ofMillis(500)); for each record,
        //     ShopJson.fromBytes(record.value()). On InvalidEventException add a
        //     ConsumeSummary.SkippedRecord(topic, partition, offset, e.getMessage()) and go on; otherwise
        //     call handler.handle(new ConsumedEvent(...)) and count it.
        //  4. After the whole batch is handled: consumer.commitSync() (skip it for an empty batch).
        //  5. Catch WakeupException around the loop: shutdown() woke you up. Commit once more (the
        //     wakeup may have interrupted the commit), then let try-with-resources close the consumer:
        //     closing leaves the group at once.
        //  6. Return new ConsumeSummary(handled, skipped).
        throw new NotImplementedYet("1.3");
    }

    @Override
    public void shutdown() {
        // TODO 1.3: set your stopping flag, then call wakeup() on the running consumer, if there is one.
        //  wakeup() is the only KafkaConsumer method that is safe to call from another thread.
        throw new NotImplementedYet("1.3");
    }
}
