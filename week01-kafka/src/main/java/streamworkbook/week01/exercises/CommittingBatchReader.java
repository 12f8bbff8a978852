package streamworkbook.week01.exercises;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week01.BatchReader;
import streamworkbook.week01.ConsumedEvent;

/** Exercise 1.4 — your code. The contract is in {@link BatchReader}; the steps in week01-kafka/README.md. */
public class CommittingBatchReader implements BatchReader {

    @Override
    public List<ConsumedEvent> read(Map<String, Object> config, String groupId, String topic, int maxRecords, Duration timeout) {
        // TODO 1.4: process exactly maxRecords records, commit exactly those, close.
        //  1. Consumer settings as in 1.3 (group.id, enable.auto.commit=false, auto.offset.reset=earliest,
        //     String keys, byte[] values), then putAll(config). subscribe(Set.of(topic)).
        //  2. Poll (e.g. Duration.ofMillis(200)) until you have maxRecords records or the timeout has passed
        //     (compare System.nanoTime() with a deadline).
        //  3. A poll may return more records than you still need: stop taking them at maxRecords.
        //  4. For each record you take, add new ConsumedEvent(topic, partition, offset, key,
        //     ShopJson.fromBytes(value)) and remember, per TopicPartition, new OffsetAndMetadata(offset + 1):
        //     a committed offset names the next record to read, not the last one read.
        //  5. consumer.commitSync(thatMap) (only if it is not empty), then close the consumer.
        //     Why not plain commitSync()? It commits the consumer's position, which is past every
        //     record poll() returned — including the ones you did not take. They would be skipped for good.
        throw new NotImplementedYet("1.4");
    }
}
