package streamworkbook.week03;

import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import streamworkbook.kit.shop.ShopEvent;

/**
 * Exercise 3.1 — turn Kafka records into {@link ShopEvent}s inside a Flink job, and survive bad ones.
 *
 * <ul>
 *   <li>{@code open(context)} registers one counter named {@value #MALFORMED_RECORDS} in
 *       {@code context.getMetricGroup()}, once per parallel instance: it reads 0 until the first bad record.</li>
 *   <li>{@code deserialize(record, out)}: a record whose value is a shop event — what {@code ShopJson.fromBytes}
 *       accepts — is emitted once, as that event. A record whose value is not (bad JSON, a required field missing,
 *       an unknown type, no value at all; {@code ShopJson} says so with an {@code InvalidEventException}) is
 *       skipped: nothing is emitted, the counter goes up by one, and {@code deserialize} returns normally.
 *       One bad record must never fail the job.</li>
 *   <li>Every other exception is not a bad record but a bug — for example one thrown by {@code out.collect}
 *       downstream. It propagates unchanged and is not counted.</li>
 *   <li>The decoder is serializable, also after {@code open}: Flink ships it to the task managers with the job,
 *       and what {@code open} creates belongs to the running instance, not to the serialized decoder.</li>
 *   <li>{@code getProducedType()} is {@code TypeInformation.of(ShopEvent.class)}: a POJO type that Flink
 *       serializes with its own serializer, not Kryo.</li>
 * </ul>
 * Week 10 sends the bad records to a dead-letter topic instead of only counting them.
 */
public interface EventDecoder extends KafkaRecordDeserializationSchema<ShopEvent> {

    /** The name of the counter of skipped records in the source operator's metric group. */
    String MALFORMED_RECORDS = "malformedRecords";
}
