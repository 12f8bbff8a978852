package streamworkbook.week06.exercises;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.SinkSettings;

/** Exercise 6.1 — your code. The contract is in {@link ClickHouseWriter}; the steps in week06-sink/README.md. */
public class JdbcClickHouseWriter implements ClickHouseWriter {

    @Override
    public JdbcStatementBuilder<ShopEvent> eventRow() {
        return (ps, event) -> {
            // TODO 6.1: bind the twelve placeholders of EventsTable.INSERT, in order:
            //  event_id, event_type (wireName()), event_time, user_id, session_id, product_id, quantity, price,
            //  order_id, rating, query, page.
            //  - event_time: ps.setObject(3, LocalDateTime.ofInstant(event.eventTime(), ZoneOffset.UTC))
            //  - a null field becomes the column's default: Objects.requireNonNullElse(event.quantity(), 0), "" for strings
            throw new NotImplementedYet("6.1");
        };
    }

    @Override
    public <T> Sink<T> sink(ClickHouseEndpoint clickhouse, String insertSql, JdbcStatementBuilder<T> binder,
                            SinkSettings settings) {
        // TODO 6.1:
        //  1. JdbcExecutionOptions.builder(): withBatchSize, withBatchIntervalMs, withMaxRetries from settings
        //  2. new JdbcConnectionOptions.JdbcConnectionOptionsBuilder(): withUrl(clickhouse.jdbcUrl()),
        //     withDriverName("com.clickhouse.jdbc.ClickHouseDriver"), withUsername, withPassword
        //  3. JdbcSink.<T>builder().withQueryStatement(insertSql, binder).withExecutionOptions(...)
        //     .buildAtLeastOnce(connectionOptions)
        //  (org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink — not the deprecated
        //  org.apache.flink.connector.jdbc.JdbcSink with its static sink(...) method.)
        throw new NotImplementedYet("6.1");
    }
}
