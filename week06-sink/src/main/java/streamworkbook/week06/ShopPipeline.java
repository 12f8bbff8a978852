package streamworkbook.week06;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.flink.ShopEventDeserializer;

/**
 * The week's pipeline, Kafka → Flink → ClickHouse, put together from the exercises: raw events into
 * {@code events} (6.1, 6.2) and, with rollups, aggregates into {@code metrics} (6.3).
 */
public final class ShopPipeline {

    /** Event time may run this far out of order before a window closes without an event. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    private ShopPipeline() {
    }

    /** A Kafka source of shop events from the earliest offset; bounded ones stop at the offsets that are latest at start. */
    public static KafkaSource<ShopEvent> source(String bootstrapServers, String groupId, boolean bounded, String... topics) {
        var builder = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ShopEventDeserializer());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Timestamps from {@code eventTime}, watermarks {@link #OUT_OF_ORDERNESS} behind, idle partitions ignored after 10 s. */
    public static WatermarkStrategy<ShopEvent> watermarks() {
        return WatermarkStrategy.<ShopEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((event, previous) -> event.eventTime().toEpochMilli())
                .withIdleness(Duration.ofSeconds(10));
    }

    /** Reads the events from Kafka and adds the sinks; returns the event stream (for more operators). */
    public static DataStream<ShopEvent> build(StreamExecutionEnvironment env, KafkaSource<ShopEvent> source,
                                              ClickHouseEndpoint clickhouse, ClickHouseWriter writer,
                                              Rollups rollups, SinkSettings settings) {
        DataStream<ShopEvent> events = env.fromSource(source, watermarks(), "shop events");
        writeTo(events, clickhouse, writer, rollups, settings);
        return events;
    }

    /** Adds the sink of raw events and, unless {@code rollups} is null, the rollups and their sink. */
    public static void writeTo(DataStream<ShopEvent> events, ClickHouseEndpoint clickhouse, ClickHouseWriter writer,
                               Rollups rollups, SinkSettings settings) {
        events.sinkTo(writer.eventsSink(clickhouse, settings)).name("ClickHouse events");
        if (rollups != null) {
            rollups.rollups(events).sinkTo(writer.metricsSink(clickhouse, settings)).name("ClickHouse metrics");
        }
    }
}
