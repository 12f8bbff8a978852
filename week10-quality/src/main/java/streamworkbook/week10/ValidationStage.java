package streamworkbook.week10;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ShopPipeline;

/**
 * This week's job piece, ready to put in front of any pipeline: raw Kafka records in, valid events out (with week
 * 6's event-time watermarks), dead letters into a Kafka topic.
 *
 * <pre>{@code
 * DataStream<ShopEvent> events = ValidationStage.attach(env,
 *         RawRecords.source(bootstrap, "platform", false, topics), new solutions.ShopRecordValidation(),
 *         ContractRules.load(postgres), bootstrap, prefix + DeadLetters.TOPIC);
 * ShopPipeline.writeTo(events, clickhouse, writer, rollups, settings);   // week 6, unchanged
 * }</pre>
 */
public final class ValidationStage {

    private ValidationStage() {
    }

    /** Reads {@code source} (no watermarks yet: raw records have no event time), then {@link #attach(DataStream, Validation, RecordRules, String, String)}. */
    public static DataStream<ShopEvent> attach(StreamExecutionEnvironment env, KafkaSource<RawRecord> source, Validation validation,
                                               RecordRules rules, String bootstrapServers, String deadLetterTopic) {
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw shop records");
        return attach(raw, validation, rules, bootstrapServers, deadLetterTopic);
    }

    /**
     * Validates the records; dead letters go to {@code deadLetterTopic}; returns the valid events with timestamps
     * from their event time and watermarks {@link ShopPipeline#OUT_OF_ORDERNESS} behind.
     */
    public static DataStream<ShopEvent> attach(DataStream<RawRecord> raw, Validation validation, RecordRules rules,
                                               String bootstrapServers, String deadLetterTopic) {
        SingleOutputStreamOperator<ShopEvent> valid = validation.validate(raw, rules);
        valid.getSideOutput(Validation.DEAD_LETTERS).sinkTo(DeadLetters.sink(bootstrapServers, deadLetterTopic)).name("dead letters");
        return valid.assignTimestampsAndWatermarks(ShopPipeline.watermarks()).name("event time");
    }
}
