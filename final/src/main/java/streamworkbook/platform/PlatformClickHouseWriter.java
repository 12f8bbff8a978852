package streamworkbook.platform;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.SinkSettings;
import streamworkbook.week06.solutions.JdbcClickHouseWriter;

/** Week 6's reference writer (6.1), with sinks that survive their own failure without taking a TaskManager along. */
final class PlatformClickHouseWriter implements ClickHouseWriter {

    private final JdbcClickHouseWriter writer = new JdbcClickHouseWriter();

    @Override
    public JdbcStatementBuilder<ShopEvent> eventRow() {
        return writer.eventRow();
    }

    @Override
    public <T> Sink<T> sink(ClickHouseEndpoint clickhouse, String insertSql, JdbcStatementBuilder<T> binder, SinkSettings settings) {
        return QuietlyClosingJdbcSink.wrap(writer.sink(clickhouse, insertSql, binder, settings));
    }
}
