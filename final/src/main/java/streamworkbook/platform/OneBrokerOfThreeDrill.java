package streamworkbook.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import streamworkbook.kit.infra.local.cluster.KafkaCluster;

/**
 * One node of a three-broker Kafka cluster killed ({@code kill -9}) and restarted: the broker that leads the first
 * partition of the shop's first topic, with about a third of all partitions. Every partition has three replicas and
 * {@code min.insync.replicas} 2, so once the dead node is fenced (its 6 s session timeout) the partitions it led get
 * new leaders among the two in-sync followers, and {@code acks=all} writes go on to them — during the outage, not
 * after it. Nothing acknowledged is lost: an acknowledged record was already on two nodes.
 */
final class OneBrokerOfThreeDrill implements Drill {

    private final KafkaCluster cluster;
    private final PlatformTopics topics;
    private final TrafficPublisher traffic;
    private final Duration outage;
    private int victim;
    private List<TopicPartition> led = List.of();
    private long ackedOnLedAtKill;
    private long ackedOnLedDuringOutage;
    private volatile boolean healed;

    OneBrokerOfThreeDrill(KafkaCluster cluster, PlatformTopics topics, TrafficPublisher traffic, Duration outage) {
        this.cluster = cluster;
        this.topics = topics;
        this.traffic = traffic;
        this.outage = outage;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String story() {
        return "kill -9 one of the three Kafka brokers, restart it " + outage.toSeconds() + " s later: its partitions get new leaders, "
                + "writes with acks=all go on to two replicas meanwhile, nothing is lost";
    }

    @Override
    public void inject(PrintStream out) throws Exception {
        List<TopicDescription> described;
        try (Admin admin = cluster.endpoint().admin()) {
            described = List.copyOf(admin.describeTopics(topics.sources()).allTopicNames().get(30, TimeUnit.SECONDS).values());
        }
        victim = described.stream().filter(d -> d.name().equals(topics.sources().get(0))).findFirst().orElseThrow()
                .partitions().get(0).leader().id();
        List<TopicPartition> partitions = new ArrayList<>();
        int all = 0;
        for (TopicDescription d : described) {
            for (TopicPartitionInfo p : d.partitions()) {
                all++;
                if (p.leader() != null && p.leader().id() == victim) {
                    partitions.add(new TopicPartition(d.name(), p.partition()));
                }
            }
        }
        led = List.copyOf(partitions);
        ackedOnLedAtKill = traffic.ackedOn(led);
        cluster.kill(victim);
        out.printf("  Kafka node %d killed (kill -9): it led %d of the shop's %d partitions%n", victim, led.size(), all);
    }

    @Override
    public Duration outage() {
        return outage;
    }

    /** Writes acknowledged on the killed node's partitions since it died: they had new leaders. */
    @Override
    public String observe() {
        return String.format("node %d %s, %,d acknowledged on the partitions it led since it was killed", victim, healed ? "back" : "down",
                traffic.ackedOn(led) - ackedOnLedAtKill);
    }

    @Override
    public void heal(PrintStream out) {
        ackedOnLedDuringOutage = traffic.ackedOn(led) - ackedOnLedAtKill;
        long started = System.nanoTime();
        cluster.restart(victim);
        healed = true;
        out.printf("  %,d records were acknowledged on node %d's former partitions while it was down; it is back as a broker in %.1f s%n",
                ackedOnLedDuringOutage, victim, (System.nanoTime() - started) / 1e9);
    }

    /** The killed node's id (after {@link #inject}). */
    int victim() {
        return victim;
    }

    /** Records acknowledged, while the node was down, on the partitions it led when it was killed. */
    long ackedOnLedDuringOutage() {
        return ackedOnLedDuringOutage;
    }

    /** The partitions the killed node led. */
    List<TopicPartition> led() {
        return led;
    }
}
