package streamworkbook.week06;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 6.1 — write a stream into ClickHouse with Flink's JDBC sink. */
public interface ClickHouseWriter {

    /**
     * Binds one event to the twelve placeholders of {@link EventsTable#INSERT}, in order. ClickHouse
     * columns are not Nullable: a field the event does not have is written as the column's default
     * ({@code ""} for strings, 0 for numbers). {@code event_time} arrives in ClickHouse as the event's instant,
     * to the millisecond, whatever the time zone of the JVM that runs the sink (the column is UTC);
     * {@code event_type} as its wire name ({@code page_view}).
     */
    JdbcStatementBuilder<ShopEvent> eventRow();

    /**
     * An at-least-once {@code JdbcSink} that runs {@code insertSql} with {@code binder} for every element on
     * connections to {@code clickhouse} (its JDBC URL, user and password), in batches of
     * {@code settings.batchSize()} rows or every {@code settings.batchInterval()}, whichever comes first; a batch
     * that ClickHouse refuses is tried again, up to {@code settings.maxRetries()} more times, before the sink fails
     * the job. Connections use clickhouse-jdbc's driver, {@code com.clickhouse.jdbc.Driver}.
     */
    <T> Sink<T> sink(ClickHouseEndpoint clickhouse, String insertSql, JdbcStatementBuilder<T> binder, SinkSettings settings);

    /** The sink of shop events into {@code events}. */
    default Sink<ShopEvent> eventsSink(ClickHouseEndpoint clickhouse, SinkSettings settings) {
        return sink(clickhouse, EventsTable.INSERT, eventRow(), settings);
    }

    /** The sink of aggregates into {@code metrics} (6.3). */
    default Sink<Metric> metricsSink(ClickHouseEndpoint clickhouse, SinkSettings settings) {
        return sink(clickhouse, MetricsTable.INSERT, MetricsTable::bind, settings);
    }
}
