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
     * ({@code ""} for strings, 0 for numbers). {@code event_time} is bound as a {@code LocalDateTime}
     * in UTC, {@code event_type} as its wire name.
     */
    JdbcStatementBuilder<ShopEvent> eventRow();

    /**
     * An at-least-once {@code JdbcSink} that runs {@code insertSql} with {@code binder} for every element on
     * connections to {@code clickhouse} (its JDBC URL, user and password), in batches of
     * {@code settings.batchSize()} rows or every {@code settings.batchInterval()}, retrying a failed batch
     * {@code settings.maxRetries()} times.
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
