package streamworkbook.kit.infra.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller) inside this JVM.
 *
 * <p>It is the same server code as the {@code kafka-server-start} script runs, taken from the
 * {@code kafka_2.13} jars: tests talk to a genuine broker over TCP, not to a mock.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private KafkaBroker(int port, int controllerPort, Path dataDir, boolean deleteOnClose) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** A broker on free ports with a temporary data directory removed at close. */
    public static KafkaBroker temporary() {
        try {
            return new KafkaBroker(FreePorts.pick(), FreePorts.pick(), Files.createTempDirectory("workbook-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on a fixed port whose data directory outlives it (formatted once, reused after). */
    public static KafkaBroker persistent(int port, int controllerPort, Path dataDir) {
        return new KafkaBroker(port, controllerPort, dataDir, false);
    }

    public KafkaBroker start() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("logs");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            KafkaConfig config = new KafkaConfig(serverProperties(logDir), false);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            close();
            throw new InfraUnavailable("the local Kafka broker did not start on port " + port + " (data in " + dataDir
                    + "). Is the port free? Stop what uses it, or run `./workbook down`.", e);
        }
        System.err.printf("[workbook] Kafka %s broker ready on %s in %d ms%n", org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return this;
    }

    private void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        // a single node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // consumers join a group at once instead of waiting 3 s for more members
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private void awaitReady(Duration timeout) throws Exception {
        try (Admin admin = new KafkaEndpoint(bootstrapServers()).admin()) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                System.err.println("[workbook] Kafka broker shutdown: " + e);
            }
            server = null;
        }
        if (deleteOnClose) {
            Directories.deleteQuietly(dataDir);
        }
    }

}
