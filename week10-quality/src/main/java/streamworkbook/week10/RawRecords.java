package streamworkbook.week10;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka source of {@link RawRecord}s: every record, whatever its bytes, with its coordinates. Unlike week 3's
 * {@code ShopEventDeserializer}, which skips what it cannot parse (and only counts it), nothing is lost here: the
 * decision about a bad record is left to the validation, which can dead-letter it.
 */
public final class RawRecords {

    private RawRecords() {
    }

    /** Every record of the topics from the earliest offset; a bounded source stops at the offsets latest at its start. */
    public static KafkaSource<RawRecord> source(String bootstrapServers, String groupId, boolean bounded, String... topics) {
        var builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new Deserializer());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Keeps the record as it is: coordinates, timestamp, key and value bytes. It cannot fail. */
    public static final class Deserializer implements KafkaRecordDeserializationSchema<RawRecord> {

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
            out.collect(new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), record.value()));
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeInformation.of(RawRecord.class);
        }
    }
}
