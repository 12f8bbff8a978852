package streamworkbook.kit.infra;

/**
 * One way of getting Kafka, PostgreSQL and ClickHouse: {@code containers}, {@code local} or
 * {@code external}. Each service starts lazily, on first use, once per JVM.
 */
public interface InfraProvider {

    String name();

    KafkaEndpoint kafka();

    PostgresEndpoint postgres();

    ClickHouseEndpoint clickhouse();
}
