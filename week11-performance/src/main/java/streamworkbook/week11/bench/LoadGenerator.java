package streamworkbook.week11.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.week02.CatalogGenerator;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.DisorderRates;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.Pacing;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.Ticker;
import streamworkbook.week07.TrafficShape;

/**
 * The load: week 7's generator (reference solutions of 7.1–7.3: sessions, rhythm, contracts) held to a rate by its
 * {@code SteadyPacer} (7.4), into the six shop topics — plus a marker every {@code markerEvery} of real time, sent by
 * the same producer, spread over the page-view topic's partitions in turn so every partition's path is sampled.
 * No disorder: every record is a valid event, so that the floor and the pipeline must write exactly the same rows.
 */
public final class LoadGenerator {

    /** What was sent. */
    public record Sent(long records, long markers, double seconds, Map<String, Double> producerMetrics) {

        public double rate() {
            return seconds == 0 ? 0 : (records + markers) / seconds;
        }
    }

    private final KafkaEndpoint kafka;
    private final String topicPrefix;
    private final Map<String, Object> producerSettings;
    private final Iterator<GeneratedRecord> records;

    /**
     * @param producerSettings producer settings on top of the bootstrap servers and serializers (11.3's tuning, or
     *                         {@link #defaultProducerSettings()})
     * @param seed             the generator's seed: the same seed gives the same events
     */
    public LoadGenerator(KafkaEndpoint kafka, String topicPrefix, Map<String, Object> producerSettings, long seed) {
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
        this.producerSettings = Map.copyOf(producerSettings);
        Catalogue catalogue = Catalogue.of(CatalogGenerator.standard(seed), seed);
        GeneratorSettings settings = GeneratorSettings.builder(seed, Instant.parse("2026-11-24T08:00:00Z"))
                .eventsPerSecond(5_000).shape(TrafficShape.flat()).disorder(DisorderRates.none()).build();
        ShopGenerator generator = new ShopGenerator(settings, catalogue, new streamworkbook.week07.solutions.FunnelSession(),
                new streamworkbook.week07.solutions.ShopRhythm(settings.shape()), new streamworkbook.week07.solutions.SchemaContracts());
        this.records = generator.records();
    }

    /** The six shop topics under {@code prefix}. */
    public static List<String> topics(String prefix) {
        return ShopGenerator.topics(prefix);
    }

    /** What the harness sends with unless told otherwise: batches filled for a few milliseconds, compressed. */
    public static Map<String, Object> defaultProducerSettings() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",                    // a record counts as sent once it is replicated
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,       // a retried batch is not written twice
                ProducerConfig.LINGER_MS_CONFIG, 5,                   // wait up to 5 ms to fill a batch: fewer, larger requests
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,         // room for ~800 events of ~300 bytes per partition and request
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");       // JSON shrinks several-fold for little CPU
    }

    /**
     * Sends generated records at {@code pacing} until {@code maxRecords} or {@code maxDuration}, whichever comes first,
     * with a marker every {@code markerEvery} (none if null), each announced to {@code poller} before it is sent.
     * {@code progress} hears the number of records sent every 1,000. Returns once every record is acknowledged.
     */
    public Sent send(Pacing pacing, long maxRecords, Duration maxDuration, Duration markerEvery, Markers markers,
                     MarkerPoller poller, LongConsumer progress) throws InterruptedException {
        Map<String, Object> config = kafka.clientConfig();
        config.putAll(producerSettings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        streamworkbook.week07.Pacer pacer = new streamworkbook.week07.solutions.SteadyPacer(pacing, Ticker.SYSTEM);
        long sent = 0;
        long markerCount = 0;
        String markerTopic = topicPrefix + Markers.TYPE.topic();
        long start = System.nanoTime();
        long deadline = start + maxDuration.toNanos();
        long markerEveryNanos = markerEvery == null ? Long.MAX_VALUE : markerEvery.toNanos();
        long nextMarker = start;
        Map<String, Double> metrics;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(config)) {
            int markerPartitions = producer.partitionsFor(markerTopic).size();
            while (sent < maxRecords && !Thread.currentThread().isInterrupted()) {
                GeneratedRecord record = records.next();
                pacer.awaitTurn(record.emitAt());
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (markers != null && now >= nextMarker) {
                    ShopEvent marker = markers.marker(markerCount, Instant.now());
                    if (poller != null) {
                        poller.expect(marker.eventId(), marker.eventTime().toEpochMilli());
                    }
                    producer.send(new ProducerRecord<>(markerTopic, (int) (markerCount % markerPartitions), marker.userId(),
                            ShopJson.toBytes(marker)), (meta, error) -> failure(error, failed, firstFailure));
                    markerCount++;
                    nextMarker += markerEveryNanos;
                    if (nextMarker < now) {
                        nextMarker = now + markerEveryNanos; // fell behind (a stall): one marker now, not a burst
                    }
                }
                producer.send(new ProducerRecord<>(topicPrefix + record.type().topic(), record.key(), record.value()),
                        (meta, error) -> failure(error, failed, firstFailure));
                sent++;
                if (sent % 1_000 == 0) {
                    progress.accept(sent);
                }
            }
            producer.flush();
            metrics = producerMetrics(producer.metrics());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.accept(sent);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not acknowledged by Kafka, the first: "
                    + firstFailure.get(), firstFailure.get());
        }
        return new Sent(sent, markerCount, seconds, metrics);
    }

    private static void failure(Exception error, AtomicLong failed, AtomicReference<Exception> first) {
        if (error != null && failed.getAndIncrement() == 0) {
            first.set(error);
        }
    }

    /** The producer-wide metrics that show batching and compression at work. */
    public static Map<String, Double> producerMetrics(Map<MetricName, ? extends Metric> all) {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals("producer-metrics") && List.of("batch-size-avg", "records-per-request-avg",
                    "compression-rate-avg", "outgoing-byte-total", "request-total", "record-send-total").contains(name.name())) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n) {
                    out.put(name.name(), n.doubleValue());
                }
            }
        }
        return out;
    }
}
