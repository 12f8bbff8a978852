package streamworkbook.kit.infra.local.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * A three-node KRaft cluster of real processes: a topic created without settings gets three replicas and
 * {@code min.insync.replicas} 2, and an idempotent {@code acks=all} producer keeps writing while the leader of one of
 * its partitions is killed with {@code kill -9} and restarted.
 *
 * <p>What a single broker or a weaker setting would fail: with one replica the killed leader's partition accepts no
 * write until the node is back (the test requires acknowledged writes to that partition while it is down); a
 * non-idempotent producer's retries can write a record twice or out of order (the test reads every key back as the
 * exact sequence that was acknowledged, once each).
 */
// three broker JVMs start on a 2-core machine; a killed node is fenced after its session timeout (6 s), then restarted
@Timeout(180)
class KafkaClusterTest {

    private static final int KEYS = 12;

    @Test
    void everyAcknowledgedRecordIsReadBackOnceAndInOrderThroughABrokerKillAndRestart(@TempDir Path dir) throws Exception {
        // the producer warns at each retry the kill provokes on purpose; the test's summary line says what happened
        Configurator.setLevel("org.apache.kafka.clients.producer.internals.Sender", Level.ERROR);
        try (KafkaCluster kafka = KafkaCluster.start(dir, 3)) {
            KafkaEndpoint endpoint = kafka.endpoint();
            String topic = "orders";
            int victim;
            try (Admin admin = endpoint.admin()) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
                endpoint.awaitTopicsReady(List.of(topic), Duration.ofSeconds(60));
                TopicDescription description = describe(admin, topic);
                for (TopicPartitionInfo p : description.partitions()) {
                    assertEquals(3, p.replicas().size(), () -> "replicas of " + p);
                }
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertEquals("2", config.get("min.insync.replicas").value());
                victim = description.partitions().get(0).leader().id();
            }

            Queue<long[]> acknowledged = new ConcurrentLinkedQueue<>();   // {key, sequence, partition, time}
            Queue<Exception> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean producing = new AtomicBoolean(true);
            Thread producer = new Thread(() -> produce(endpoint, topic, producing, acknowledged, failures), "producer");
            producer.start();
            awaitTrue(() -> acknowledged.size() > 2_000, "2,000 acknowledged records before the kill", acknowledged, failures);

            long killedAt = System.currentTimeMillis();
            kafka.kill(victim);
            try (Admin admin = endpoint.admin()) {
                awaitTrue(() -> leaderOf(admin, topic, 0) != victim && leaderOf(admin, topic, 0) >= 0, "a new leader of partition 0",
                        acknowledged, failures);
                long electedAt = System.currentTimeMillis();
                awaitTrue(() -> acknowledged.stream().filter(a -> a[2] == 0 && a[3] > electedAt).count() > 200,
                        "acknowledged writes to partition 0 while node " + victim + " is down", acknowledged, failures);
                long restartAt = System.currentTimeMillis();
                kafka.restart(victim);
                long restartedAt = System.currentTimeMillis();
                awaitTrue(() -> describe(admin, topic).partitions().stream().allMatch(p -> p.isr().size() == 3),
                        "node " + victim + " back in every partition's in-sync replicas", acknowledged, failures);
                System.out.printf("[cluster] node %d killed: partition 0 had a new leader after %d ms; node restarted in %d ms and "
                        + "back in sync %d ms later%n", victim, electedAt - killedAt, restartedAt - restartAt,
                        System.currentTimeMillis() - restartedAt);
            }
            int before = acknowledged.size();
            awaitTrue(() -> acknowledged.size() > before + 2_000, "2,000 more acknowledged records after the restart",
                    acknowledged, failures);
            producing.set(false);
            producer.join(TimeUnit.SECONDS.toMillis(60));

            assertTrue(failures.isEmpty(), () -> "sends failed: " + failures);
            Map<Long, List<Long>> sent = byKey(acknowledged);
            Map<Long, List<Long>> read = readAll(endpoint, topic, acknowledged.size());
            assertEquals(sent.keySet(), read.keySet());
            for (Map.Entry<Long, List<Long>> key : sent.entrySet()) {
                // every acknowledged record once, in the order it was sent (a duplicate, a gap or a swap differs)
                assertEquals(key.getValue(), read.get(key.getKey()), "records of key " + key.getKey());
            }
            System.out.printf("[cluster] %d records acknowledged and read back exactly once, in order per key%n", acknowledged.size());
            long stopping = System.nanoTime();
            kafka.close();
            System.out.printf("[cluster] 3 nodes stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        }
    }

    /** Keys 0 … KEYS-1 in turn, each with its own sequence 0, 1, 2, …; about 2,000 records a second. */
    private static void produce(KafkaEndpoint endpoint, String topic, AtomicBoolean producing, Queue<long[]> acknowledged,
                                Queue<Exception> failures) {
        Map<String, Object> config = endpoint.clientConfig();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long[] sequences = new long[KEYS];
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(config, new LongSerializer(), new LongSerializer())) {
            long n = 0;
            while (producing.get()) {
                long key = n++ % KEYS;
                long sequence = sequences[(int) key]++;
                producer.send(new ProducerRecord<>(topic, key, sequence), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    } else {
                        acknowledged.add(new long[] {key, sequence, metadata.partition(), System.currentTimeMillis()});
                    }
                });
                if (n % 20 == 0) {
                    Thread.sleep(10);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static Map<Long, List<Long>> byKey(Queue<long[]> acknowledged) {
        Map<Long, List<Long>> byKey = new TreeMap<>();
        acknowledged.stream().sorted((a, b) -> Long.compare(a[1], b[1]))
                .forEach(a -> byKey.computeIfAbsent(a[0], k -> new ArrayList<>()).add(a[1]));
        return byKey;
    }

    /** Every record of the topic, from the beginning, without a consumer group: key → values in offset order. */
    private static Map<Long, List<Long>> readAll(KafkaEndpoint endpoint, String topic, int expected) {
        Map<String, Object> config = endpoint.clientConfig();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<Long, List<Long>> read = new TreeMap<>();
        try (KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(config, new LongDeserializer(), new LongDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, Long> r : consumer.poll(Duration.ofMillis(200))) {
                    read.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        int total = read.values().stream().mapToInt(List::size).sum();
        assertEquals(expected, total, "records in the topic (acknowledged: " + expected + ")");
        return read;
    }

    private static TopicDescription describe(Admin admin, String topic) {
        try {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leaderOf(Admin admin, String topic, int partition) {
        try {
            var leader = describe(admin, topic).partitions().get(partition).leader();
            return leader == null || leader.isEmpty() ? -1 : leader.id();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Queue<long[]> acknowledged, Queue<Exception> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (!failures.isEmpty()) {
                throw new AssertionError("sends failed while waiting for " + what + ": " + failures.peek(), failures.peek());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 90 s (" + acknowledged.size() + " acknowledged so far)");
            }
            Thread.sleep(50);
        }
    }
}
