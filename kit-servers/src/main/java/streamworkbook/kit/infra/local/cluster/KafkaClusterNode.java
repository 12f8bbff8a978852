package streamworkbook.kit.infra.local.cluster;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import streamworkbook.kit.infra.InfraUnavailable;

/**
 * One node of a multi-node KRaft cluster, in this JVM: broker and controller in one process ("combined" mode), so
 * three processes make a cluster with a three-voter controller quorum and three brokers. It is run in its own JVM by
 * {@link KafkaCluster} ({@code ClusterMain kafka-node}).
 *
 * <p>Topics created without settings get the cluster's safe defaults: replication factor 3 (or the number of nodes,
 * when fewer) and {@code min.insync.replicas} 2, so an {@code acks=all} write is on two nodes before it is acknowledged
 * and the cluster keeps accepting writes with one node down. Unclean leader election stays off (Kafka's default): a
 * replica that missed acknowledged writes never becomes leader.
 */
public final class KafkaClusterNode implements AutoCloseable {

    private final int nodeId;
    private final int nodes;
    private final int port;
    private final int controllerPort;
    private final String voters;
    private final String clusterId;
    private final Path dataDir;
    private KafkaRaftServer server;

    /**
     * @param nodeId         1 … n
     * @param nodes          the number of nodes in the cluster
     * @param port           this node's client (PLAINTEXT) port
     * @param controllerPort this node's controller port
     * @param voters         the controller quorum, {@code 1@127.0.0.1:9093,2@127.0.0.1:9095,…}
     * @param clusterId      the id every node of the cluster is formatted with
     * @param dataDir        this node's data directory (formatted on its first start, kept after)
     */
    public KafkaClusterNode(int nodeId, int nodes, int port, int controllerPort, String voters, String clusterId, Path dataDir) {
        this.nodeId = nodeId;
        this.nodes = nodes;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.dataDir = dataDir;
    }

    /** Formats the data directory on the first start, then starts the node; returns once its broker has started. */
    public synchronized KafkaClusterNode start() {
        long started = System.nanoTime();
        try {
            Path logDir = dataDir.resolve("logs");
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(nodeId)
                        .setClusterId(clusterId)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .run();
            }
            server = new KafkaRaftServer(new KafkaConfig(properties(logDir), false), Time.SYSTEM);
            server.startup();
        } catch (Exception e) {
            close();
            throw new InfraUnavailable("Kafka node " + nodeId + " did not start on port " + port + " (data in " + dataDir + ")", e);
        }
        System.err.printf("[workbook] Kafka node %d of %d started on 127.0.0.1:%d (controller %d) in %d ms%n", nodeId, nodes, port,
                controllerPort, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return this;
    }

    /** The replication factor of the cluster's topics: 3, or all nodes when there are fewer. */
    public static int replicationFactor(int nodes) {
        return Math.min(nodes, 3);
    }

    /** {@code min.insync.replicas}: 2 with three replicas or more, else 1 (a one- or two-node cluster for a demo). */
    public static int minInsyncReplicas(int nodes) {
        return replicationFactor(nodes) >= 3 ? 2 : 1;
    }

    Properties properties(Path logDir) {
        String rf = String.valueOf(replicationFactor(nodes));
        String minIsr = String.valueOf(minInsyncReplicas(nodes));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        // the defaults of every topic created without settings, and of Kafka's own topics
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("unclean.leader.election.enable", "false");
        // a node that stops heartbeating is fenced after 6 s (Kafka's default: 9 s), and its partitions get new leaders
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "6000");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** A clean shutdown: leadership moves away first (controlled shutdown), then the node stops. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                System.err.println("[workbook] Kafka node " + nodeId + " shutdown: " + e);
            }
            server = null;
        }
    }
}
