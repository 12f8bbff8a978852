package streamworkbook.kit.infra.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a cluster in the foreground until it is stopped (SIGTERM / Ctrl-C), each of its servers in its own process:
 * what {@code ./workbook up --flink} and {@code ./workbook up --kafka-brokers 3} start in the background.
 *
 * <p>While it runs, {@code <dir>/processes} lists every server process, one a line: {@code name pid port…}
 * ({@code ./workbook status} prints it; {@code ./workbook down} stops what it lists, should this process have been
 * killed without stopping them).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        subcommands = {ClusterMain.Flink.class, ClusterMain.Kafka.class, ClusterMain.KafkaNode.class},
        description = "Runs a Flink standalone session cluster or a multi-broker Kafka cluster, each server its own process.")
public final class ClusterMain {

    public static void main(String[] args) {
        int exit = new CommandLine(new ClusterMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Command(name = "flink", mixinStandardHelpOptions = true,
            description = "A Flink session cluster: a JobManager (web UI and REST API on --port) and --taskmanagers TaskManagers.")
    static final class Flink implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8081", description = "web UI and REST port (default ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--rpc-port", defaultValue = "6123", description = "JobManager RPC port (default ${DEFAULT-VALUE})")
        int rpcPort;
        @Option(names = "--taskmanagers", defaultValue = "2", description = "TaskManagers (default ${DEFAULT-VALUE})")
        int taskManagers;
        @Option(names = "--slots", defaultValue = "2", description = "task slots per TaskManager (default ${DEFAULT-VALUE})")
        int slots;
        @Option(names = "--taskmanager-memory", defaultValue = "1280m", description = "process size of a TaskManager (default ${DEFAULT-VALUE})")
        String taskManagerMemory;
        @Option(names = "--metrics-ports", defaultValue = "9249-9260",
                description = "Prometheus reporter: the JobManager on the first port, TaskManagers on the others; 'none' for no reporter (default ${DEFAULT-VALUE})")
        String metricsPorts;
        @Option(names = "--conf", description = "any other Flink option, key=value (repeatable)")
        Map<String, String> conf = new LinkedHashMap<>();
        @Option(names = "--classpath-file", required = true,
                description = "Flink's own jars, as Maven's dependency:build-classpath writes them for kit-servers/flink-cluster/pom.xml")
        Path classpathFile;
        @Option(names = "--dir", required = true, description = "configuration, logs, checkpoints and savepoints")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            FlinkCluster.Builder builder = FlinkCluster.builder(dir, FlinkClasspath.fromFile(classpathFile))
                    .restPort(port).rpcPort(rpcPort).taskManagers(taskManagers).slotsPerTaskManager(slots)
                    .taskManagerMemory(taskManagerMemory);
            if (!"none".equals(metricsPorts)) {
                String[] range = metricsPorts.split("-");
                builder.metricsPorts(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
            }
            conf.forEach(builder::set);
            FlinkCluster flink = builder.start();
            StringBuilder table = new StringBuilder();
            table.append("jobmanager ").append(flink.jobManager().pid()).append(' ').append(port).append(' ').append(rpcPort).append('\n');
            for (FlinkCluster.TaskManager tm : flink.taskManagers()) {
                table.append(tm.id()).append(' ').append(tm.pid()).append(' ').append(tm.rpcPort()).append('\n');
            }
            System.out.printf("flink web UI and REST on %s (JobManager RPC %d), %d TaskManager(s) × %d slots; checkpoints and savepoints in %s%n",
                    flink.webUrl(), rpcPort, taskManagers, slots, flink.dir());
            return runUntilStopped(flink, dir, table.toString());
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true,
            description = "A Kafka cluster in KRaft mode: --brokers nodes, each a broker and a controller in its own process.")
    static final class Kafka implements Callable<Integer> {
        @Option(names = "--brokers", defaultValue = "3", description = "nodes (default ${DEFAULT-VALUE})")
        int brokers;
        @Option(names = "--port", defaultValue = "9092",
                description = "node i listens on port + 2(i-1) for clients and the port after it for controllers: 9092/9093, 9094/9095, 9096/9097 (default ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--dir", required = true, description = "one data directory per node, formatted on first start and kept")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            KafkaCluster kafka = KafkaCluster.start(dir, brokers, port);
            StringBuilder table = new StringBuilder();
            for (KafkaCluster.NodeProcess node : kafka.nodes()) {
                table.append("node-").append(node.id()).append(' ').append(node.pid()).append(' ').append(node.port())
                        .append(' ').append(node.controllerPort()).append('\n');
            }
            System.out.printf("kafka cluster of %d brokers on %s (replication factor %d, min.insync.replicas %d)%n", brokers,
                    kafka.bootstrapServers(), KafkaClusterNode.replicationFactor(brokers), KafkaClusterNode.minInsyncReplicas(brokers));
            return runUntilStopped(kafka, dir, table.toString());
        }
    }

    @Command(name = "kafka-node", description = "One node of a Kafka cluster, in this process (what `kafka` starts n times).")
    static final class KafkaNode implements Callable<Integer> {
        @Option(names = "--node-id", required = true)
        int nodeId;
        @Option(names = "--nodes", required = true)
        int nodes;
        @Option(names = "--port", required = true)
        int port;
        @Option(names = "--controller-port", required = true)
        int controllerPort;
        @Option(names = "--voters", required = true, description = "1@127.0.0.1:9093,2@127.0.0.1:9095,…")
        String voters;
        @Option(names = "--cluster-id", required = true)
        String clusterId;
        @Option(names = "--dir", required = true)
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            KafkaClusterNode node = new KafkaClusterNode(nodeId, nodes, port, controllerPort, voters, clusterId, dir).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // A broker's controlled shutdown waits for the controller quorum's approval (Kafka waits up to 5 minutes).
                // When the whole cluster stops, the last nodes may have no quorum left to approve it: they stop without it
                // after 20 s, as a kill would, and their next start recovers their logs.
                Thread closing = new Thread(node::close, "close-kafka-node");
                closing.setDaemon(true);
                closing.start();
                try {
                    closing.join(TimeUnit.SECONDS.toMillis(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (closing.isAlive()) {
                    System.err.printf("[workbook] Kafka node %d: no controller quorum approved its controlled shutdown within 20 s "
                            + "(the other nodes are stopping too); stopping without it%n", nodeId);
                }
                stopped.countDown();
            }, "stop-kafka-node"));
            stopped.await();
            return 0;
        }
    }

    private static int runUntilStopped(AutoCloseable cluster, Path dir, String processes) throws InterruptedException {
        Path table = dir.resolve("processes");
        write(table, processes);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            }
            try {
                Files.deleteIfExists(table);
            } catch (IOException e) {
                // a stale table lists pids that are gone; ./workbook down checks each before it stops it
            }
            stopped.countDown();
        }, "stop-cluster"));
        stopped.await();
        return 0;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
