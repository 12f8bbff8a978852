package streamworkbook.week01;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Creates the six shop topics with your {@link TopicCreator} (exercise 1.1). Safe to run again.
 *
 * <pre>./workbook run week01 CreateTopicsApp --partitions 3</pre>
 */
@Command(name = "CreateTopicsApp", mixinStandardHelpOptions = true,
        description = "Creates the shop-* topics with your exercise 1.1 code and prints how the cluster has them.")
public class CreateTopicsApp implements Callable<Integer> {

    @Mixin
    Apps.KafkaServers kafkaServers;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions per topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "replicas per partition; at most the number of brokers (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Option(names = "--min-insync-replicas", defaultValue = "1",
            description = "replicas that must have a record before an acks=all write succeeds (default: ${DEFAULT-VALUE})")
    int minInsyncReplicas;

    @Option(names = "--retention", defaultValue = "P7D", description = "how long records are kept, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration retention;

    @Option(names = "--prefix", defaultValue = "", description = "topic name prefix (default: none)")
    String prefix;

    public static void main(String[] args) {
        Apps.main(new CreateTopicsApp(), args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaEndpoint kafka = kafkaServers.connect();
        TopicCreator creator = Exercises.pick(
                streamworkbook.week01.exercises.ShopTopicCreator::new,
                streamworkbook.week01.solutions.ShopTopicCreator::new);
        Map<String, String> config = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas),
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        List<TopicReport> reports;
        try (Admin admin = kafka.admin()) {
            reports = creator.createTopics(admin, new ShopTopics(prefix), partitions, replicationFactor, config);
        }
        System.out.printf("%-24s %-16s %10s %12s%n", "topic", "status", "partitions", "replication");
        for (TopicReport r : reports) {
            System.out.printf("%-24s %-16s %10d %12d%n", r.name(), r.created() ? "created" : "already existed",
                    r.partitions(), r.replicationFactor());
        }
        return 0;
    }
}
