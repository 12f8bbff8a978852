package streamworkbook.kit.infra.containers;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * The official images through Testcontainers. Each container starts on first use and is shared
 * by the whole JVM; Testcontainers' Ryuk removes them when the JVM exits.
 */
public final class ContainersProvider implements InfraProvider {

    static final String KAFKA_IMAGE = "apache/kafka:4.2.0";
    static final String POSTGRES_IMAGE = "postgres:17";
    static final String CLICKHOUSE_IMAGE = "clickhouse/clickhouse-server:25.8";

    private KafkaEndpoint kafka;
    private PostgresEndpoint postgres;
    private ClickHouseEndpoint clickhouse;

    @Override
    public String name() {
        return "containers";
    }

    @Override
    public boolean usable() {
        return DockerProbe.dockerAnswers();
    }

    @Override
    public synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            KafkaContainer container = start(new KafkaContainer(KAFKA_IMAGE), "Kafka");
            kafka = new KafkaEndpoint(container.getBootstrapServers());
        }
        return kafka;
    }

    @Override
    public synchronized PostgresEndpoint postgres() {
        if (postgres == null) {
            PostgreSQLContainer<?> container = start(new PostgreSQLContainer<>(POSTGRES_IMAGE), "PostgreSQL");
            postgres = new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return postgres;
    }

    @Override
    public synchronized ClickHouseEndpoint clickhouse() {
        if (clickhouse == null) {
            org.testcontainers.clickhouse.ClickHouseContainer container =
                    start(new org.testcontainers.clickhouse.ClickHouseContainer(CLICKHOUSE_IMAGE), "ClickHouse");
            clickhouse = ClickHouseEndpoint.of("http://" + container.getHost() + ":" + container.getMappedPort(8123),
                    container.getUsername(), container.getPassword());
        }
        return clickhouse;
    }

    private static <C extends org.testcontainers.containers.GenericContainer<?>> C start(C container, String what) {
        try {
            container.start();
            return container;
        } catch (RuntimeException e) {
            throw new InfraUnavailable(what + " container (" + container.getDockerImageName() + ") did not start. "
                    + "Is the Docker engine running? Without Docker, set WORKBOOK_INFRA=local.", e);
        }
    }
}
