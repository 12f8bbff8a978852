package streamworkbook.kit.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Where a Kafka cluster answers: all a client needs to connect. */
public record KafkaEndpoint(String bootstrapServers) {

    /** A mutable client configuration holding just {@code bootstrap.servers}; add the rest yourself. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    public Admin admin() {
        return Admin.create(clientConfig());
    }

    /**
     * Checks that a broker answers within 10 s, so that a program fails in seconds with advice instead of
     * hanging in its first send; returns this endpoint.
     */
    public KafkaEndpoint requireReachable() {
        try (Admin admin = admin()) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new InfraUnavailable("Kafka does not answer at " + bootstrapServers + ". Start it with `./workbook up` "
                    + "(or `docker compose up -d kafka`), or point KAFKA_BOOTSTRAP_SERVERS at your broker.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraUnavailable("interrupted while connecting to Kafka", e);
        }
        return this;
    }

    /**
     * Creates those of {@code topics} that do not exist yet ({@code partitions} each, with the cluster's default
     * replication — one on the workbook's single broker, three on {@code ./workbook up --kafka-brokers 3}), then waits
     * until all of them are ready for producers.
     */
    public void createTopicsIfMissing(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> missing = new HashSet<>(topics);
            missing.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            if (!missing.isEmpty()) {
                admin.createTopics(missing.stream().map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())).toList())
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile by someone else: fine
                throw new InfraUnavailable("could not create topics " + topics + " on " + bootstrapServers, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new InfraUnavailable("Kafka at " + bootstrapServers + " did not answer within 30 s: is it running "
                    + "(`./workbook up`)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraUnavailable("interrupted while creating topics", e);
        }
        awaitTopicsReady(topics, Duration.ofSeconds(60));
    }

    /**
     * Waits until the leader of every partition of these topics answers. {@code createTopics}
     * returns once the controller has recorded a topic; the broker creates the partitions a moment
     * later, and an idempotent producer that sends in between can stall until its delivery timeout.
     * ListOffsets is answered by the partition leader itself, so its answer means "ready".
     */
    public void awaitTopicsReady(Collection<String> topics, Duration timeout) {
        Map<String, Object> config = clientConfig();
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "workbook-topic-probe");
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = admin();
             KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            while (System.nanoTime() < deadline) {
                try {
                    List<TopicPartition> partitions = new ArrayList<>();
                    admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((name, description) ->
                            description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
                    if (probe.endOffsets(partitions, Duration.ofSeconds(5)).size() == partitions.size()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                sleep();
            }
        }
        throw new InfraUnavailable("topics " + topics + " were not ready on " + bootstrapServers + " within "
                + timeout.toSeconds() + " s", last);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraUnavailable("interrupted while waiting for topics", e);
        }
    }
}
