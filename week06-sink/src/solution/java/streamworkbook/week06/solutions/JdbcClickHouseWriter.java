package streamworkbook.week06.solutions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ClickHouseWriter;
import streamworkbook.week06.SinkSettings;

/** Reference solution of exercise 6.1. */
public class JdbcClickHouseWriter implements ClickHouseWriter {

    @Override
    public JdbcStatementBuilder<ShopEvent> eventRow() {
        // a lambda, serializable because JdbcStatementBuilder is: Flink ships it to the task managers
        return (ps, e) -> {
            ps.setString(1, e.eventId());                                           // parsed into a UUID
            ps.setString(2, e.type().wireName());
            // an instant with its offset: clickhouse-jdbc would read a LocalDateTime as the JVM's local time
            ps.setObject(3, OffsetDateTime.ofInstant(e.eventTime(), ZoneOffset.UTC));
            ps.setString(4, e.userId());
            ps.setString(5, Objects.requireNonNullElse(e.sessionId(), ""));
            // ClickHouse columns are not Nullable (cheaper to store and to read): missing means default
            ps.setString(6, Objects.requireNonNullElse(e.productId(), ""));
            ps.setInt(7, Objects.requireNonNullElse(e.quantity(), 0));
            ps.setBigDecimal(8, Objects.requireNonNullElse(e.price(), BigDecimal.ZERO));
            ps.setString(9, Objects.requireNonNullElse(e.orderId(), ""));
            ps.setInt(10, Objects.requireNonNullElse(e.rating(), 0));
            ps.setString(11, Objects.requireNonNullElse(e.query(), ""));
            ps.setString(12, Objects.requireNonNullElse(e.page(), ""));
        };
    }

    @Override
    public <T> Sink<T> sink(ClickHouseEndpoint clickhouse, String insertSql, JdbcStatementBuilder<T> binder,
                            SinkSettings settings) {
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                // few, large INSERTs: each one becomes a part that ClickHouse merges later
                .withBatchSize(settings.batchSize())
                // …but never hold rows longer than this when traffic is low
                .withBatchIntervalMs(settings.batchInterval().toMillis())
                // a failed batch is retried, sleeping 0 s, 1 s, 2 s… in between (the connector's
                // linear backoff), on a new connection if the old one is broken
                .withMaxRetries(settings.maxRetries())
                .build();
        JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(clickhouse.jdbcUrl())
                .withDriverName("com.clickhouse.jdbc.Driver") // clickhouse-jdbc's driver (ClickHouseDriver is its deprecated alias)
                .withUsername(clickhouse.user())
                .withPassword(clickhouse.password())
                .build();
        // at least once: every buffered batch is written before a checkpoint completes, so nothing
        // acknowledged to Kafka is lost; after a failure some rows are written again (6.2 makes that harmless)
        return JdbcSink.<T>builder()
                .withQueryStatement(insertSql, binder)
                .withExecutionOptions(execution)
                .buildAtLeastOnce(connection);
    }
}
