///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.apache.kafka:kafka-clients:4.2.0
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-nop:2.0.17

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tails a Kafka topic: prints each record's partition, offset, timestamp, key and value as it arrives.
 *
 * <pre>
 * ./workbook jbang week01-kafka/scripts/TopicTail.java shop-purchase     (no JBang install needed)
 * jbang week01-kafka/scripts/TopicTail.java shop-purchase --from-beginning --max 20
 * jbang week01-kafka/scripts/TopicTail.java shop-purchase --bootstrap-servers broker:9092
 * </pre>
 *
 * It finds Kafka as the week's apps do: {@code --bootstrap-servers}, else the {@code KAFKA_BOOTSTRAP_SERVERS}
 * environment variable, else localhost:9092 (what {@code ./workbook up} and {@code docker compose up} provide).
 *
 * <p>It reads without a consumer group: it assigns itself every partition and commits nothing, so it
 * never moves anyone's offsets and can run next to your consumer apps.
 */
@Command(name = "TopicTail", mixinStandardHelpOptions = true,
        description = "Prints the records of a Kafka topic as they arrive: partition, offset, timestamp, key, value.")
public class TopicTail implements Callable<Integer> {

    @Parameters(index = "0", description = "the topic, e.g. shop-purchase")
    String topic;

    @Option(names = "--bootstrap-servers",
            description = "Kafka to read (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
    String bootstrapServers;

    @Option(names = "--from-beginning", description = "start at the oldest record instead of the end")
    boolean fromBeginning;

    @Option(names = "--max", description = "stop after this many records (default: run until Ctrl-C)")
    Long max;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TopicTail()).execute(args));
    }

    /** The option, else the environment variable the week's apps read, else the standard local port. */
    static String bootstrapServers(String option) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnvironment = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost:9092" : fromEnvironment;
    }

    @Override
    public Integer call() {
        String bootstrap = bootstrapServers(bootstrapServers);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // a typo must not create a topic
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-tail");

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        // Ctrl-C runs this hook on another thread: wake the loop up and give it time to close the consumer,
        // because the JVM exits when the hook returns. (After a normal end there is nothing to wait for.)
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (closed.getCount() > 0) {
                consumer.wakeup();      // the one consumer method that is safe from another thread
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }));

        long printed = 0;
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                System.err.printf("No topic '%s' on %s (list them: kafka-topics.sh --bootstrap-server %s --list)%n",
                        topic, bootstrap, bootstrap);
                return 1;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            System.err.printf("Tailing %s (%d partitions) on %s from the %s — Ctrl-C to stop%n",
                    topic, partitions.size(), bootstrap, fromBeginning ? "beginning" : "end");
            while (max == null || printed < max) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.printf("p%-2d @%-8d %s  %-10s %s%n", r.partition(), r.offset(),
                            Instant.ofEpochMilli(r.timestamp()), r.key(), r.value());
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            // Ctrl-C: fall through, the try-with-resources closes the consumer
        } catch (TimeoutException e) {
            System.err.printf("Kafka does not answer at %s. Start it with `./workbook up` (or `docker compose up -d kafka`),"
                    + " or point --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS at your broker.%n", bootstrap);
            return 3;
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
