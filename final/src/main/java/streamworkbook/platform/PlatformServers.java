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
import streamworkbook.kit.infra.local.cluster.KafkaCluster;

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
    private final KafkaCluster kafkaCluster;
    private final LocalPostgres localPostgres;
    private final LocalClickHouse localClickHouse;
    private final Path dir;
    private final boolean closesDatabases;

    private PlatformServers(KafkaEndpoint kafka, PostgresEndpoint postgres, ClickHouseEndpoint clickhouse, KafkaBrokerProcess broker,
                            KafkaCluster kafkaCluster, LocalPostgres localPostgres, LocalClickHouse localClickHouse, Path dir,
                            boolean closesDatabases) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.clickhouse = clickhouse;
        this.broker = broker;
        this.kafkaCluster = kafkaCluster;
        this.localPostgres = localPostgres;
        this.localClickHouse = localClickHouse;
        this.dir = dir;
        this.closesDatabases = closesDatabases;
    }

    /** A Kafka broker, PostgreSQL and ClickHouse of this machine's own, in a temporary directory deleted at {@link #close}. */
    static PlatformServers local() {
        return local(1);
    }

    /**
     * As {@link #local()}, with {@code kafkaBrokers} Kafka brokers: 1, or a KRaft cluster of 3 whose topics have three
     * replicas and {@code min.insync.replicas} 2 (for the drill that kills one of them).
     */
    static PlatformServers local(int kafkaBrokers) {
        if (kafkaBrokers != 1 && kafkaBrokers != 3) {
            throw new IllegalArgumentException("--kafka-brokers " + kafkaBrokers + ": 1 or 3 (three replicas, min.insync.replicas 2)");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("workbook-platform-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
        KafkaBrokerProcess broker = null;
        KafkaCluster cluster = null;
        LocalPostgres postgres = null;
        try {
            if (kafkaBrokers == 1) {
                broker = KafkaBrokerProcess.start(dir.resolve("kafka"));
            } else {
                cluster = KafkaCluster.start(dir.resolve("kafka"), kafkaBrokers);
            }
            KafkaEndpoint kafka = broker != null ? broker.endpoint() : cluster.endpoint();
            postgres = LocalPostgres.temporary();
            LocalClickHouse clickhouse = LocalClickHouse.persistent(FreePorts.pick(), dir.resolve("clickhouse"));
            return new PlatformServers(kafka, postgres.endpoint(), clickhouse.endpoint(), broker, cluster, postgres, clickhouse, dir, true);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            deleteQuietly(dir);
            throw e;
        }
    }

    /**
     * These servers' PostgreSQL and ClickHouse with {@code cluster} as the Kafka: closing the result stops the cluster
     * only (tests share the databases of one JVM, and isolate by names).
     */
    PlatformServers withKafkaCluster(KafkaCluster cluster) {
        return new PlatformServers(cluster.endpoint(), postgres, clickhouse, null, cluster, localPostgres, localClickHouse, null, false);
    }

    /** The servers on the usual ports (or KAFKA_BOOTSTRAP_SERVERS, POSTGRES_URL…, CLICKHOUSE_URL). */
    static PlatformServers external() {
        InfraProvider infra = Infra.named("external");
        return new PlatformServers(infra.kafka().requireReachable(), infra.postgres(), infra.clickhouse(), null, null, null, null, null, false);
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
        return broker != null || kafkaCluster != null;
    }

    /** The single Kafka broker (not on a three-broker cluster). */
    KafkaBrokerProcess broker() {
        if (kafkaCluster != null) {
            throw new IllegalStateException("Kafka is a cluster of " + kafkaCluster.nodes().size() + " brokers here, not a single broker");
        }
        return require(broker, "the Kafka broker");
    }

    /** The three-broker Kafka cluster, or null with a single broker or external servers. */
    KafkaCluster kafkaCluster() {
        return kafkaCluster;
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
        if (localClickHouse != null && closesDatabases) {
            localClickHouse.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (kafkaCluster != null) {
            kafkaCluster.close();
        }
        if (localPostgres != null && closesDatabases) {
            localPostgres.close();
        }
        if (dir != null) {
            deleteQuietly(dir);
        }
    }
}
