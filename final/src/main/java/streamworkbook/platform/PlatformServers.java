package streamworkbook.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraProvider;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.KafkaBrokerProcess;
import streamworkbook.kit.infra.local.LocalClickHouse;
import streamworkbook.kit.infra.local.LocalPostgres;

/**
 * Kafka, PostgreSQL and ClickHouse for the platform: started here (each in its own process, so that a drill can
 * {@code kill -9} the broker or ClickHouse and restart it on the same port and data), or the external servers of
 * {@code ./workbook up} / {@code docker compose up}. Not the kit's {@code local} provider: that one stops its servers
 * in JVM shutdown hooks, which run in no order, while the platform must stop its job before the servers under it.
 */
final class PlatformServers implements AutoCloseable {

    private final KafkaEndpoint kafka;
    private final PostgresEndpoint postgres;
    private final ClickHouseEndpoint clickhouse;
    private final KafkaBrokerProcess broker;
    private final LocalPostgres localPostgres;
    private final LocalClickHouse localClickHouse;
    private final Path dir;

    private PlatformServers(KafkaEndpoint kafka, PostgresEndpoint postgres, ClickHouseEndpoint clickhouse,
                            KafkaBrokerProcess broker, LocalPostgres localPostgres, LocalClickHouse localClickHouse, Path dir) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.clickhouse = clickhouse;
        this.broker = broker;
        this.localPostgres = localPostgres;
        this.localClickHouse = localClickHouse;
        this.dir = dir;
    }

    /** A Kafka broker, PostgreSQL and ClickHouse of this machine's own, in a temporary directory deleted at {@link #close}. */
    static PlatformServers local() {
        Path dir;
        try {
            dir = Files.createTempDirectory("workbook-platform-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
        KafkaBrokerProcess broker = null;
        LocalPostgres postgres = null;
        try {
            broker = KafkaBrokerProcess.start(dir.resolve("kafka"));
            postgres = LocalPostgres.temporary();
            LocalClickHouse clickhouse = LocalClickHouse.persistent(FreePorts.pick(), dir.resolve("clickhouse"));
            return new PlatformServers(broker.endpoint(), postgres.endpoint(), clickhouse.endpoint(), broker, postgres, clickhouse, dir);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            if (broker != null) {
                broker.close();
            }
            deleteQuietly(dir);
            throw e;
        }
    }

    /** The servers on the usual ports (or KAFKA_BOOTSTRAP_SERVERS, POSTGRES_URL…, CLICKHOUSE_URL). */
    static PlatformServers external() {
        InfraProvider infra = Infra.named("external");
        return new PlatformServers(infra.kafka().requireReachable(), infra.postgres(), infra.clickhouse(), null, null, null, null);
    }

    KafkaEndpoint kafka() {
        return kafka;
    }

    PostgresEndpoint postgres() {
        return postgres;
    }

    ClickHouseEndpoint clickhouse() {
        return clickhouse;
    }

    /** True when the servers are this JVM's children, so that drills can kill and restart them. */
    boolean owned() {
        return broker != null;
    }

    KafkaBrokerProcess broker() {
        return require(broker, "the Kafka broker");
    }

    LocalClickHouse clickhouseServer() {
        return require(localClickHouse, "ClickHouse");
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is not worth failing a stop for
        }
    }

    private static <T> T require(T server, String what) {
        if (server == null) {
            throw new IllegalStateException(what + " is external: stop and start it yourself (docker compose stop/start, ./workbook down/up)");
        }
        return server;
    }

    /** Stops ClickHouse, then Kafka, then PostgreSQL, and deletes their data. */
    @Override
    public void close() {
        if (localClickHouse != null) {
            localClickHouse.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (localPostgres != null) {
            localPostgres.close();
        }
        if (dir != null) {
            deleteQuietly(dir);
        }
    }
}
