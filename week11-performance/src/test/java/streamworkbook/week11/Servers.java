package streamworkbook.week11;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.week07.Pacing;
import streamworkbook.week11.bench.ClickHouseHttp;
import streamworkbook.week11.bench.LoadGenerator;

/**
 * What week 11's tests share: the JVM's one set of servers (kit's {@link Infra}), each test isolated by its own topic
 * prefix and ClickHouse database; a Flink test cluster whose REST API refreshes metrics every half second.
 */
final class Servers {

    private Servers() {
    }

    /** A one-TaskManager cluster of {@link TestFlink#SLOTS} slots whose web UI's metric fetcher refreshes twice a second. */
    static MiniClusterExtension flinkWithFreshMetrics() {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0");
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(500));
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(config).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(TestFlink.SLOTS).build());
    }

    static KafkaEndpoint kafka() {
        return Infra.kafka();
    }

    /** A fresh database on the shared ClickHouse, with an events table named {@code table} in it. */
    static ClickHouseEndpoint clickhouseWithTable(String prefix, String... tables) {
        ClickHouseEndpoint ch = Infra.clickhouse().withFreshDatabase(prefix);
        ClickHouseHttp http = new ClickHouseHttp(ch);
        for (String table : tables) {
            http.execute(Pipeline.createTable(table));
        }
        return ch;
    }

    /** The six shop topics under a fresh prefix, each with {@code partitions} partitions. */
    static List<String> shopTopics(String prefix, int partitions) {
        List<String> topics = LoadGenerator.topics(UniqueNames.next(prefix) + "-");
        kafka().createTopicsIfMissing(topics, partitions);
        kafka().awaitTopicsReady(topics, Duration.ofSeconds(30));
        return topics;
    }

    static String prefixOf(List<String> topics) {
        return topics.get(0).substring(0, topics.get(0).indexOf("shop-"));
    }

    /** {@code count} generated events (seed 11) as fast as the broker takes them, with the harness's producer settings. */
    static LoadGenerator.Sent produce(List<String> topics, long count, long seed) throws InterruptedException {
        return produce(topics, count, seed, LoadGenerator.defaultProducerSettings());
    }

    static LoadGenerator.Sent produce(List<String> topics, long count, long seed, Map<String, Object> producerSettings)
            throws InterruptedException {
        return new LoadGenerator(kafka(), prefixOf(topics), producerSettings, seed)
                .send(Pacing.unlimited(), count, Duration.ofMinutes(5), null, null, null, n -> { });
    }

    static List<TopicPartition> partitionsOf(List<String> topics) {
        try (Admin admin = kafka().admin()) {
            List<TopicPartition> out = new ArrayList<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition())));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group's committed offsets (absent partitions have none). */
    static Map<TopicPartition, Long> committed(String groupId) {
        try (Admin admin = kafka().admin()) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(ClickHouseEndpoint ch, String sql) {
        return new ClickHouseHttp(ch).queryLong(sql);
    }

}
