package streamworkbook.kit.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.infra.external.ExternalProvider;

class ProviderChoiceTest {

    @Test
    void externalProviderReadsTheEnvironmentAndDefaultsToTheStandardPorts() {
        ExternalProvider configured = ExternalProvider.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker-1:19092,broker-2:19092",
                "POSTGRES_URL", "jdbc:postgresql://db:5433/shop", "POSTGRES_USER", "shop", "POSTGRES_PASSWORD", "secret",
                "CLICKHOUSE_URL", "http://olap:18123/"));
        assertEquals(new KafkaEndpoint("broker-1:19092,broker-2:19092"), configured.kafka());
        assertEquals(new PostgresEndpoint("jdbc:postgresql://db:5433/shop", "shop", "secret"), configured.postgres());
        assertEquals(new ClickHouseEndpoint("http://olap:18123", "jdbc:clickhouse://olap:18123/default", "default", ""),
                configured.clickhouse());

        ExternalProvider defaults = ExternalProvider.fromEnvironment(Map.of());
        assertEquals("localhost:9092", defaults.kafka().bootstrapServers());
        assertEquals("jdbc:postgresql://localhost:5432/postgres", defaults.postgres().jdbcUrl());
        assertEquals("http://localhost:8123", defaults.clickhouse().httpUrl());
    }

    @Test
    void unknownProviderOrBadUrlSaysWhatToDo() {
        InfraUnavailable unknown = assertThrows(InfraUnavailable.class, () -> Infra.choose("kubernetes"));
        assertEquals("WORKBOOK_INFRA='kubernetes' is not a provider: use auto (default), local, containers or external",
                unknown.getMessage());
        InfraUnavailable badUrl = assertThrows(InfraUnavailable.class,
                () -> ExternalProvider.fromEnvironment(Map.of("CLICKHOUSE_URL", "localhost:8123")).clickhouse());
        assertEquals("CLICKHOUSE_URL='localhost:8123' is not an HTTP URL: set it like http://localhost:8123", badUrl.getMessage());
    }

    @Test
    void aProviderWhoseModuleIsNotOnTheClasspathSaysHowToGetServers() {
        // kit alone, as a week's program has it: the local servers (kit-servers) and Testcontainers (kit-test) are not here
        InfraUnavailable local = assertThrows(InfraUnavailable.class, () -> Infra.choose("local"));
        assertEquals("the 'local' provider (module kit-servers) is not on this program's classpath. Start the servers "
                + "with `./workbook up` (or `docker compose up -d`) and leave WORKBOOK_INFRA unset: programs then use "
                + "them on the standard ports (external).", local.getMessage());
        assertThrows(InfraUnavailable.class, () -> Infra.choose("containers"));
        assertEquals("external", Infra.choose("external").name());
    }

    @Test
    void endpointsSwitchSchemaAndDatabase() {
        PostgresEndpoint pg = new PostgresEndpoint("jdbc:postgresql://h:5432/db?currentSchema=a&sslmode=disable", "u", "p");
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=disable&currentSchema=b", pg.withSchema("b").jdbcUrl());
        assertEquals("b", pg.withSchema("b").schema());
        ClickHouseEndpoint ch = ClickHouseEndpoint.of("http://h:8123", "default", "");
        assertEquals("jdbc:clickhouse://h:8123/shop", ch.withDatabase("shop").jdbcUrl());
    }
}
