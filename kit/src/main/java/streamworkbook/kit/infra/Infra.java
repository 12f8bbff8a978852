package streamworkbook.kit.infra;

import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import streamworkbook.kit.infra.external.ExternalProvider;

/**
 * The one place every test and program gets its Kafka, PostgreSQL and ClickHouse endpoints from.
 *
 * <p>The provider is chosen by {@code WORKBOOK_INFRA} or {@code -Dworkbook.infra}:
 * <ul>
 *   <li>{@code containers}: Testcontainers with the official images (needs a Docker engine);</li>
 *   <li>{@code local}: a real Kafka broker and PostgreSQL in-process, ClickHouse (chDB) as a child process;</li>
 *   <li>{@code external}: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_URL/USER/PASSWORD}, {@code CLICKHOUSE_URL};</li>
 *   <li>{@code auto} (default): containers when a Docker engine answers, else local.</li>
 * </ul>
 */
public final class Infra {

    private static volatile InfraProvider provider;

    private Infra() {
    }

    public static KafkaEndpoint kafka() {
        return provider().kafka();
    }

    public static PostgresEndpoint postgres() {
        return provider().postgres();
    }

    public static ClickHouseEndpoint clickhouse() {
        return provider().clickhouse();
    }

    /**
     * The provider for programs a learner runs (producer and consumer apps, the platform): the one
     * named by {@code WORKBOOK_INFRA} if set, otherwise {@code external} on the standard ports that
     * {@code ./workbook up} and {@code docker compose up} both provide.
     */
    public static InfraProvider forPrograms() {
        String requested = requestedProvider();
        return choose(requested.equals("auto") ? "external" : requested);
    }

    public static InfraProvider provider() {
        InfraProvider p = provider;
        if (p == null) {
            synchronized (Infra.class) {
                p = provider;
                if (p == null) {
                    p = choose(requestedProvider());
                    provider = p;
                }
            }
        }
        return p;
    }

    static String requestedProvider() {
        String fromProperty = System.getProperty("workbook.infra");
        String value = fromProperty != null ? fromProperty : System.getenv("WORKBOOK_INFRA");
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** A provider by name ({@code local}, {@code containers}, {@code external} or {@code auto}), independent of the environment. */
    public static InfraProvider named(String name) {
        return choose(name);
    }

    static InfraProvider choose(String name) {
        return switch (name) {
            case "external" -> ExternalProvider.fromEnvironment(System.getenv());
            case "local", "containers" -> installed(name).orElseThrow(() -> notInstalled(name));
            case "auto" -> installed("containers").filter(InfraProvider::usable)
                    .or(() -> installed("local"))
                    .orElseThrow(() -> notInstalled("local"));
            default -> throw new InfraUnavailable("WORKBOOK_INFRA='" + name
                    + "' is not a provider: use auto (default), local, containers or external");
        };
    }

    private static Optional<InfraProvider> installed(String name) {
        return ServiceLoader.load(InfraProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name))
                .findFirst();
    }

    private static InfraUnavailable notInstalled(String name) {
        String module = name.equals("local") ? "kit-servers" : "kit-test";
        return new InfraUnavailable("the '" + name + "' provider (module " + module + ") is not on this program's "
                + "classpath. Start the servers with `./workbook up` (or `docker compose up -d`) and leave "
                + "WORKBOOK_INFRA unset: programs then use them on the standard ports (external).");
    }
}
