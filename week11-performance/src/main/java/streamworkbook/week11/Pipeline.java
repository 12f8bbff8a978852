package streamworkbook.week11;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.EventsTable;
import streamworkbook.week06.ShopPipeline;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week06.solutions.JdbcClickHouseWriter;

/**
 * The pipeline this week measures: week 6's Kafka source and JDBC sink (reference 6.1), shop events from the six
 * topics into one table — and the table itself, which the floor (11.1) writes as well.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * {@code CREATE TABLE} of week 6's columns, sorted by week 5's {@code (event_type, event_time)} and the id. A plain
     * MergeTree, not week 6's ReplacingMergeTree: a benchmark must see every copy it writes (a duplicate is a finding).
     */
    public static String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + EventsTable.COLUMNS + """
                )
                ENGINE = MergeTree
                PARTITION BY toYYYYMM(event_time)
                ORDER BY (event_type, event_time, event_id)""";
    }

    /** Week 6's INSERT, into {@code table}. */
    public static String insert(String table) {
        return EventsTable.INSERT.replaceFirst("INSERT INTO events ", "INSERT INTO " + table + " ");
    }

    /**
     * Kafka ({@code topics}, from the earliest offset; bounded: up to the latest offsets at start) → {@code table}.
     * Returns the stream of events read, for more operators.
     */
    public static DataStream<ShopEvent> build(StreamExecutionEnvironment env, String bootstrapServers, List<String> topics,
                                              String groupId, boolean bounded, ClickHouseEndpoint clickhouse, String table,
                                              SinkSettings settings) {
        DataStream<ShopEvent> events = env.fromSource(
                ShopPipeline.source(bootstrapServers, groupId, bounded, topics.toArray(String[]::new)),
                ShopPipeline.watermarks(), "shop events");
        JdbcClickHouseWriter writer = new JdbcClickHouseWriter();
        events.sinkTo(writer.sink(clickhouse, insert(table), writer.eventRow(), settings)).name("ClickHouse " + table);
        return events;
    }
}
