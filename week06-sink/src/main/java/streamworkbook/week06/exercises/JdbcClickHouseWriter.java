package streamworkbook.week06.exercises;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.SinkSettings;

/**
 * Exercise 6.1 — write a Flink stream into ClickHouse with Flink's JDBC sink: one event as one row (missing
 * fields as defaults, times in UTC), in batches, with retries that ride out a moment of refusal.
 *
 * @see ClickHouseWriter the contract
 * @see <a href="../../../../../../README.md#61-a-jdbc-sink-into-clickhouse">week06-sink/README.md#61-a-jdbc-sink-into-clickhouse</a>
 */
public class JdbcClickHouseWriter implements ClickHouseWriter {

    @Override
    public JdbcStatementBuilder<ShopEvent> eventRow() {
        throw new NotImplementedYet("6.1");
    }

    @Override
    public <T> Sink<T> sink(ClickHouseEndpoint clickhouse, String insertSql, JdbcStatementBuilder<T> binder,
                            SinkSettings settings) {
        throw new NotImplementedYet("6.1");
    }
}
