package streamworkbook.week02;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;

/**
 * Publishes the product change feed to Kafka with your {@link ChangePublisher} (exercise 2.4),
 * polling every second, until Ctrl-C. Start it again and it resumes after its stored cursor.
 */
@Command(name = "PublisherApp", mixinStandardHelpOptions = true,
        description = "Publishes product_changes to Kafka continuously; resumes where it stopped.")
public final class PublisherApp implements Callable<Integer> {

    @Option(names = "--topic", defaultValue = ProductChange.TOPIC, description = "topic (default ${DEFAULT-VALUE})")
    String topic;
    @Option(names = "--name", defaultValue = "product-changes-publisher",
            description = "publisher name: the key of its cursor in publisher_cursors (default ${DEFAULT-VALUE})")
    String name;
    @Option(names = "--batch", defaultValue = "500", description = "changes per batch (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--interval-ms", defaultValue = "1000", description = "pause when caught up (default ${DEFAULT-VALUE})")
    long intervalMs;
    @Option(names = "--partitions", defaultValue = "3", description = "partitions if the topic is created (default ${DEFAULT-VALUE})")
    int partitions;
    @Option(names = "--schema", defaultValue = "public", description = "schema (default ${DEFAULT-VALUE})")
    String schema;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        Programs.main(new PublisherApp(), "week02-postgres", args);
    }

    @Override
    public Integer call() throws Exception {
        PostgresEndpoint db = Infra.forPrograms().postgres().withSchema(schema);
        KafkaEndpoint kafka = Infra.forPrograms().kafka();
        ShopSchema.migrate(db);
        createTopicIfMissing(kafka);
        ChangePublisher publisher = Exercises.pick(streamworkbook.week02.exercises.OutboxPublisher::new,
                streamworkbook.week02.solutions.OutboxPublisher::new);

        // Ctrl-C: let the current batch finish (its cursor saved), then close cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "publisher-stop"));

        System.out.println("Publishing product_changes to " + topic + " as '" + name + "' (Ctrl-C to stop)");
        long total = 0;
        try (Connection connection = db.connect(); KafkaProducer<String, String> producer = FeedProducer.create(kafka)) {
            while (stopRequested.getCount() > 0) {
                int published;
                try {
                    published = publisher.publishNext(connection, producer, topic, name, batch);
                } catch (NotImplementedYet e) {
                    throw e; // Programs explains it: which exercise, where, and --solutions
                } catch (Exception e) {
                    // the cursor only moves after a complete batch, so trying again later is safe
                    System.err.println("publishing failed, retrying in " + intervalMs + " ms: " + e);
                    published = 0;
                }
                if (published > 0) {
                    total += published;
                    System.out.printf("published %,d change(s), %,d in total%n", published, total);
                }
                if (published < batch) {   // caught up: wait for new changes (or for Ctrl-C)
                    stopRequested.await(intervalMs, TimeUnit.MILLISECONDS);
                }
            }
            System.out.printf("Stopped after publishing %,d change(s); the next run resumes after the stored cursor.%n", total);
            return 0;
        } finally {
            stopped.countDown();
        }
    }

    private void createTopicIfMissing(KafkaEndpoint kafka) throws InterruptedException {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            System.out.println("Created topic " + topic + " with " + partitions + " partitions");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e.getCause());
            }
        }
    }
}
