package streamworkbook.week09;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Consumer lag as Prometheus metrics, in the names kafka-lag-exporter uses, so that its dashboards and alerts work
 * unchanged. At every scrape it finds the consumer groups whose id matches {@code groups}, samples them with a
 * {@link ConsumerLag} (exercise 9.2) and exposes, per group, topic and partition:
 * <pre>
 * kafka_consumergroup_group_offset       the committed offset
 * kafka_consumergroup_group_lag          end offset − committed offset, in records
 * kafka_consumergroup_group_lag_seconds  how long ago the next record to read was written
 * kafka_partition_latest_offset          the end offset (per topic and partition)
 * kafka_lag_exporter_sample_errors_total samples that failed (the last error is logged to stderr)
 * </pre>
 * Sampling at scrape time, not on a timer of its own, keeps every value as fresh as the scrape, and an exporter
 * nobody scrapes costs nothing.
 */
public final class LagExporter implements MultiCollector, AutoCloseable {

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final ConsumerLag lag;
    private final Pattern groups;
    private final Clock clock;
    private final AtomicLong errors = new AtomicLong();

    public LagExporter(KafkaEndpoint kafka, ConsumerLag lag, Pattern groups, Clock clock) {
        this.admin = kafka.admin();
        this.reader = new KafkaConsumer<>(readerConfig(kafka), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.lag = lag;
        this.groups = groups;
        this.clock = clock;
    }

    /** The consumer 9.2 reads timestamps with: in no group, committing nothing, one record per poll. */
    public static Map<String, Object> readerConfig(KafkaEndpoint kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "lag-exporter-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);  // it has no group to commit to anyway
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);        // only the first record after a seek matters
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a committed offset already deleted by retention: the oldest left
        return config;
    }

    /** Serves this exporter (and the exporter JVM's own metrics) on {@code port} ({@code 0}: any free port). */
    public HTTPServer serve(int port) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(this);
        JvmMetrics.builder().register(registry);
        return HTTPServer.builder().port(port).registry(registry).buildAndStart();
    }

    /** The groups whose id matches the pattern, now. */
    public List<String> matchingGroups() throws Exception {
        return admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId).filter(id -> groups.matcher(id).matches()).sorted().toList();
    }

    /** One sample of every matching group (the scrape's work, also usable without HTTP). */
    public synchronized List<ConsumerLag.PartitionLag> sample() throws Exception {
        return lag.sample(admin, reader, matchingGroups(), clock.instant());
    }

    @Override
    public synchronized MetricSnapshots collect() {
        List<ConsumerLag.PartitionLag> lags;
        try {
            lags = sample();
        } catch (Exception e) {
            errors.incrementAndGet();
            System.err.println("lag exporter: sampling failed: " + e);
            lags = List.of();
        }
        Map<TopicPartition, Long> latest = new HashMap<>();
        lags.forEach(l -> latest.put(l.partition(), l.endOffset()));
        GaugeSnapshot.Builder latestOffsets = GaugeSnapshot.builder().name("kafka_partition_latest_offset")
                .help("The end offset of the partition: the offset the next record written will get");
        latest.forEach((partition, end) -> latestOffsets.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("topic", partition.topic(), "partition", String.valueOf(partition.partition())))
                .value(end).build()));
        return MetricSnapshots.of(
                gauge("kafka_consumergroup_group_offset", "The group's committed offset of the partition", lags,
                        l -> l.committedOffset()),
                gauge("kafka_consumergroup_group_lag", "Records between the group's committed offset and the end of the partition",
                        lags, l -> l.lag()),
                gauge("kafka_consumergroup_group_lag_seconds", "How long ago the next record the group will read was written",
                        lags, ConsumerLag.PartitionLag::lagSeconds),
                latestOffsets.build(),
                CounterSnapshot.builder().name("kafka_lag_exporter_sample_errors")
                        .help("Samples of consumer lag that failed")
                        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(errors.get()).build()).build());
    }

    private static GaugeSnapshot gauge(String name, String help, List<ConsumerLag.PartitionLag> lags,
                                       ToDoubleFunction<ConsumerLag.PartitionLag> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        for (ConsumerLag.PartitionLag l : lags) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("group", l.group(), "topic", l.partition().topic(),
                            "partition", String.valueOf(l.partition().partition())))
                    .value(value.applyAsDouble(l)).build());
        }
        return gauge.build();
    }

    @Override
    public synchronized void close() {
        reader.close();
        admin.close();
    }
}
