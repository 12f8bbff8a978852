package streamworkbook.kit.infra;

/**
 * One way of getting Kafka, PostgreSQL and ClickHouse: {@code containers}, {@code local} or
 * {@code external}. Each service starts lazily, on first use, once per JVM.
 *
 * <p>{@code external} lives in this module; {@code local} (module kit-servers) and {@code containers}
 * (module kit-test) are found with {@link java.util.ServiceLoader} when their module is on the
 * classpath, so a week's program does not carry a broker, PostgreSQL binaries or Testcontainers.
 */
public interface InfraProvider {

    String name();

    KafkaEndpoint kafka();

    PostgresEndpoint postgres();

    ClickHouseEndpoint clickhouse();

    /** Whether this provider can work on this machine now (containers: a Docker engine answers). */
    default boolean usable() {
        return true;
    }
}
