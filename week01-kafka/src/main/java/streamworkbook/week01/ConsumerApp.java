package streamworkbook.week01;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopJson;

/**
 * Prints shop events as a member of a consumer group, with your {@link GroupConsumer} (exercise 1.3).
 * Ctrl-C stops it cleanly: it commits, leaves the group and prints a summary.
 *
 * <pre>./workbook run week01 ConsumerApp --all --group dashboard --from-beginning</pre>
 */
@Command(name = "ConsumerApp", mixinStandardHelpOptions = true,
        description = "Consumes shop events in a consumer group with your exercise 1.3 consumer; Ctrl-C to stop.")
public class ConsumerApp implements Callable<Integer> {

    @Mixin
    Apps.KafkaServers kafkaServers;

    @Option(names = "--group", defaultValue = "week01-console", description = "consumer group id (default: ${DEFAULT-VALUE})")
    String group;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--topics", split = ",", description = "topics to read, comma-separated")
        List<String> topics;

        @Option(names = "--all", description = "all six shop topics")
        boolean all;
    }

    @Option(names = "--prefix", defaultValue = "", description = "topic name prefix used with --all (default: none)")
    String prefix;

    @Option(names = "--from-beginning", description = "a group with no committed offsets starts at the oldest record "
            + "(otherwise at the newest; a group with committed offsets always resumes from them)")
    boolean fromBeginning;

    public static void main(String[] args) {
        Apps.main(new ConsumerApp(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        KafkaEndpoint kafka = kafkaServers.connect();
        GroupConsumer consumer = Exercises.pick(
                streamworkbook.week01.exercises.ShopEventConsumer::new,
                streamworkbook.week01.solutions.ShopEventConsumer::new);
        List<String> topics = which.all ? new ShopTopics(prefix).all() : which.topics;

        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");

        // Ctrl-C runs shutdown hooks on another thread: ask the loop to stop and wait until it has
        // committed and left the group, because the JVM exits when the hooks return.
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            try {
                consumer.shutdown();
                finished.await(10, TimeUnit.SECONDS);
            } catch (RuntimeException | InterruptedException e) {
                System.err.println("shutdown: " + e);
            }
        }, "consumer-shutdown"));

        System.err.printf("Group %s reading %s on %s — Ctrl-C to stop%n", group, String.join(", ", topics), kafka.bootstrapServers());
        try {
            ConsumeSummary summary = consumer.run(config, group, topics, e -> System.out.printf("%s[%d]@%d  %s  %s%n",
                    e.topic(), e.partition(), e.offset(), e.key(), ShopJson.toJson(e.event())));
            System.err.printf("Stopped: %d events handled, %d records skipped%n", summary.handled(), summary.skipped().size());
            summary.skipped().forEach(s -> System.err.printf("  skipped %s[%d]@%d: %s%n", s.topic(), s.partition(), s.offset(), s.reason()));
        } finally {
            finished.countDown();
        }
        return 0;
    }
}
