package streamworkbook.week11.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of the processes a benchmark involves: this JVM (the generator, Flink or the floor, and — with the
 * {@code local} provider — the Kafka broker), its child processes (the local ClickHouse), and servers found by their
 * command line on this machine ({@code ./workbook up}'s Kafka and ClickHouse on the given ports). Servers elsewhere
 * (containers, other hosts) are not seen; the report says which processes were counted.
 */
public final class CpuMeter {

    /** CPU time so far, per process group. */
    public record Reading(Duration thisJvm, Duration children, Duration servers) {

        public Duration total() {
            return thisJvm.plus(children).plus(servers);
        }

        public Reading minus(Reading earlier) {
            return new Reading(thisJvm.minus(earlier.thisJvm), children.minus(earlier.children), servers.minus(earlier.servers));
        }
    }

    private final List<ProcessHandle> servers;

    private CpuMeter(List<ProcessHandle> servers) {
        this.servers = servers;
    }

    /**
     * Counts this JVM, its descendants, and any process on this machine whose command line runs a workbook server
     * ({@code ChdbServerMain}, {@code LocalServiceMain kafka}) with {@code --port} one of {@code ports}.
     */
    public static CpuMeter of(int... ports) {
        List<ProcessHandle> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        List<Long> descendants = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
        ProcessHandle.allProcesses().forEach(p -> {
            if (p.pid() == self || descendants.contains(p.pid())) {
                return;
            }
            String line = p.info().commandLine().orElse("");
            boolean server = line.contains("ChdbServerMain") || line.contains("LocalServiceMain kafka");
            for (int port : ports) {
                if (server && line.contains("--port " + port + " ")) {
                    found.add(p);
                }
            }
        });
        return new CpuMeter(found);
    }

    /** How many server processes outside this JVM's tree are counted. */
    public int serverProcesses() {
        return servers.size();
    }

    public Reading read() {
        Duration jvm = Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
        Duration children = ProcessHandle.current().descendants().map(CpuMeter::cpu).reduce(Duration.ZERO, Duration::plus);
        Duration others = servers.stream().map(CpuMeter::cpu).reduce(Duration.ZERO, Duration::plus);
        return new Reading(jvm, children, others);
    }

    private static Duration cpu(ProcessHandle p) {
        Optional<Duration> cpu = p.info().totalCpuDuration();
        return cpu.orElse(Duration.ZERO);
    }
}
