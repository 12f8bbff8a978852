package streamworkbook.week03;

import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 3.1 — turn Kafka records into {@link ShopEvent}s inside a Flink job, and survive bad ones.
 *
 * <ul>
 *   <li>{@code open(context)}: register a counter named {@value #MALFORMED_RECORDS} on
 *       {@code context.getMetricGroup()} and keep it in a field.</li>
 *   <li>{@code deserialize(record, out)}: parse the record's value with {@code ShopJson.fromBytes};
 *       collect the event. A record that is not a valid shop event (bad JSON, a missing required field,
 *       an unknown type, no value at all) makes {@code ShopJson} throw {@code InvalidEventException}:
 *       then increment the counter, emit nothing, and return normally. The job must never fail
 *       because of one bad record.</li>
 *   <li>{@code getProducedType()}: {@code TypeInformation.of(ShopEvent.class)} — a POJO type that Flink
 *       serializes with its own serializer, not Kryo.</li>
 * </ul>
 * Week 10 sends the bad records to a dead-letter topic instead of only counting them.
 */
public interface EventDecoder extends KafkaRecordDeserializationSchema<ShopEvent> {

    /** The name of the counter of skipped records in the source operator's metric group. */
    String MALFORMED_RECORDS = "malformedRecords";
}
