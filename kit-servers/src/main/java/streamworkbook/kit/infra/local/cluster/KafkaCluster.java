package streamworkbook.kit.infra.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.ServiceProcess;
import streamworkbook.kit.infra.local.SideBySide;

/**
 * A multi-broker Kafka cluster in KRaft mode: n nodes, each its own JVM with its own ports and data directory, each a
 * broker and a controller ({@link KafkaClusterNode}). With three nodes the controller quorum survives one node's loss,
 * and topics have three replicas with {@code min.insync.replicas} 2.
 *
 * <p>Ports: node i (1 … n) listens for clients on {@code firstPort + 2(i-1)} and for controllers on the port after:
 * 9092/9093, 9094/9095, 9096/9097 for {@code ClusterMain kafka --brokers 3 --port 9092}. Data: {@code dir/node-i},
 * logs {@code dir/log/node-i.log}, the cluster's id {@code dir/cluster.id} (every node is formatted with it once).
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** One node's process. */
    public record NodeProcess(int id, int port, int controllerPort, Path dataDir, ServiceProcess process) {
        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }
    }

    private final Path dir;
    private final List<NodeProcess> nodes;

    private KafkaCluster(Path dir, List<NodeProcess> nodes) {
        this.dir = dir;
        this.nodes = nodes;
    }

    /** {@code count} nodes on free ports: for tests. */
    public static KafkaCluster start(Path dir, int count) {
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(new int[] {FreePorts.pick(), FreePorts.pick()});
        }
        return start(dir, ports);
    }

    /** {@code count} nodes on {@code firstPort}, {@code firstPort + 1} (controller), {@code firstPort + 2}, … */
    public static KafkaCluster start(Path dir, int count, int firstPort) {
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(new int[] {firstPort + 2 * i, firstPort + 2 * i + 1});
        }
        return start(dir, ports);
    }

    private static KafkaCluster start(Path dir, List<int[]> ports) {
        long started = System.nanoTime();
        Path root = dir.toAbsolutePath();
        List<String> busy = new ArrayList<>();
        for (int[] p : ports) {
            for (int port : p) {
                if (FreePorts.inUse(port)) {
                    busy.add(String.valueOf(port));
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new InfraUnavailable("the Kafka cluster's ports " + busy + " are taken. Stop what uses them (`./workbook down`, "
                    + "`docker compose down`), or choose other ports.");
        }
        String clusterId = clusterId(root);
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(ports.get(i)[1]);
        }
        List<NodeProcess> nodes = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            int id = i + 1;
            Path data = root.resolve("node-" + id);
            ServiceProcess process = ServiceProcess.java("Kafka node " + id, ClusterMain.class.getName(),
                    List.of("kafka-node", "--node-id", String.valueOf(id), "--nodes", String.valueOf(ports.size()),
                            "--port", String.valueOf(ports.get(i)[0]), "--controller-port", String.valueOf(ports.get(i)[1]),
                            "--voters", voters.toString(), "--cluster-id", clusterId, "--dir", data.toString()),
                    root.resolve("log").resolve("node-" + id + ".log"), ports.get(i)[0], "-Xmx512m", "-XX:+UseParallelGC");
            nodes.add(new NodeProcess(id, ports.get(i)[0], ports.get(i)[1], data, process));
        }
        KafkaCluster cluster = new KafkaCluster(root, nodes);
        try {
            // side by side: a node's broker waits for the controller quorum, which needs a majority of the nodes
            SideBySide.run(nodes.stream().<Runnable>map(n -> () -> n.process().start(START_TIMEOUT)).toList());
            cluster.awaitBrokers(nodes.stream().map(NodeProcess::id).collect(Collectors.toSet()), START_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        System.err.printf("[workbook] Kafka cluster of %d nodes ready on %s in %d ms%n", nodes.size(), cluster.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return cluster;
    }

    private static String clusterId(Path root) {
        Path file = root.resolve("cluster.id");
        try {
            Files.createDirectories(root);
            if (!Files.exists(file)) {
                Files.writeString(file, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node's client address: a client that knows them all still connects when one is down. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers());
    }

    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    public NodeProcess node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " (nodes 1 … " + nodes.size() + ")"));
    }

    public Path dir() {
        return dir;
    }

    /** {@code kill -9} of one node: no controlled shutdown, its partitions' leadership moves once it is fenced. */
    public void kill(int id) {
        node(id).process().kill();
    }

    /** Starts a stopped or killed node again on its port and data; returns once it is a broker of the cluster again. */
    public void restart(int id) {
        node(id).process().start(START_TIMEOUT);
        awaitBrokers(Set.of(id), START_TIMEOUT);
    }

    /** The ids of the brokers the cluster's metadata lists as alive. */
    public Set<Integer> liveBrokers() {
        try (Admin admin = endpoint().admin()) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
        } catch (Exception e) {
            return Set.of();
        }
    }

    private void awaitBrokers(Set<Integer> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> live = Set.of();
        while (System.nanoTime() < deadline) {
            live = liveBrokers();
            if (live.containsAll(ids)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new InfraUnavailable("Kafka brokers " + ids + " did not join the cluster within " + timeout.toSeconds()
                + " s (live: " + live + "); see " + dir.resolve("log"));
    }

    /**
     * Stops every node (SIGTERM: a controlled shutdown), side by side, while their controller quorum can still approve
     * the brokers' shutdowns; a node left without a quorum stops without approval after 20 s ({@code ClusterMain kafka-node}).
     */
    @Override
    public void close() {
        SideBySide.run(nodes.stream().<Runnable>map(n -> () -> n.process().stop()).toList());
    }
}
