package streamworkbook.kit.infra.external;

import java.util.Map;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Services someone else runs: {@code docker compose up}, {@code ./workbook up}, or a cluster.
 * Unset variables default to the standard local ports that both of those provide.
 */
public final class ExternalProvider implements InfraProvider {

    private final Map<String, String> env;

    private ExternalProvider(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static ExternalProvider fromEnvironment(Map<String, String> env) {
        return new ExternalProvider(env);
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public KafkaEndpoint kafka() {
        return new KafkaEndpoint(get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    }

    @Override
    public PostgresEndpoint postgres() {
        return new PostgresEndpoint(get("POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres"),
                get("POSTGRES_USER", "postgres"), get("POSTGRES_PASSWORD", "postgres"));
    }

    @Override
    public ClickHouseEndpoint clickhouse() {
        String url = get("CLICKHOUSE_URL", "http://localhost:8123");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InfraUnavailable("CLICKHOUSE_URL='" + url + "' is not an HTTP URL: set it like http://localhost:8123");
        }
        return ClickHouseEndpoint.of(url, get("CLICKHOUSE_USER", "default"), get("CLICKHOUSE_PASSWORD", ""));
    }

    private String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
