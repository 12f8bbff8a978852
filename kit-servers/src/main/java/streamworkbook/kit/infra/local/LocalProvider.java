package streamworkbook.kit.infra.local;

import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Real servers without Docker: a Kafka broker and PostgreSQL in this JVM, ClickHouse (chDB) as a
 * child process. Each starts on first use and stops when the JVM exits.
 */
public final class LocalProvider implements InfraProvider {

    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private LocalClickHouse clickhouse;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.temporary().start();
            closeAtExit(kafka, "kafka");
        }
        return kafka.endpoint();
    }

    @Override
    public synchronized PostgresEndpoint postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.temporary();
            closeAtExit(postgres, "postgres");
        }
        return postgres.endpoint();
    }

    @Override
    public synchronized ClickHouseEndpoint clickhouse() {
        if (clickhouse == null) {
            clickhouse = LocalClickHouse.temporary();
            closeAtExit(clickhouse, "clickhouse");
        }
        return clickhouse.endpoint();
    }

    private static void closeAtExit(AutoCloseable service, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("[workbook] stopping " + name + ": " + e);
            }
        }, "workbook-stop-" + name));
    }
}
