package streamworkbook.week07;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.EventType;

/**
 * The generator: the shop's simulation ({@link ShopSimulator}), its disorder ({@link DisorderInjector}), the
 * contracts ({@link ContractGate}) and the pacing ({@link Pacer}), into Kafka — one topic per event type, keyed by
 * user.
 */
public final class ShopGenerator {

    /** When to stop: after this many records, or this much real time, whichever comes first. */
    public record Limit(long records, Duration duration) {
        public static Limit records(long n) {
            return new Limit(n, Duration.ofDays(365));
        }
    }

    private final GeneratorSettings settings;
    private final Catalogue catalogue;
    private final SessionModel sessions;
    private final Seasonality seasonality;
    private final ContractCheck contracts;

    public ShopGenerator(GeneratorSettings settings, Catalogue catalogue, SessionModel sessions, Seasonality seasonality,
                         ContractCheck contracts) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.seasonality = seasonality;
        this.contracts = contracts;
    }

    /** With the learner's exercises 7.1–7.3, or the reference solutions ({@code --solutions}). */
    public static ShopGenerator of(GeneratorSettings settings, Catalogue catalogue) {
        return new ShopGenerator(settings, catalogue,
                Exercises.pick(streamworkbook.week07.exercises.FunnelSession::new, streamworkbook.week07.solutions.FunnelSession::new),
                Exercises.pick(() -> new streamworkbook.week07.exercises.ShopRhythm(settings.shape()),
                        () -> new streamworkbook.week07.solutions.ShopRhythm(settings.shape())),
                Exercises.pick(streamworkbook.week07.exercises.SchemaContracts::new, streamworkbook.week07.solutions.SchemaContracts::new));
    }

    /** The topics the records go to. */
    public static List<String> topics(String prefix) {
        return java.util.Arrays.stream(EventType.values()).map(t -> prefix + t.topic()).toList();
    }

    /** The records, in the order they are sent: the same settings and catalogue give the same records. */
    public Iterator<GeneratedRecord> records() {
        return new DisorderInjector(new ShopSimulator(settings, catalogue, sessions, seasonality), settings.disorder(), settings.seed());
    }

    /**
     * Sends records to {@code prefix + type.topic()} until the limit, checking each against its contract first and
     * holding the pace; {@code progress} hears the number sent every thousand records. An interrupt (Ctrl-C in the
     * app) ends the run early, as a limit would. Returns once every sent record is acknowledged; throws if Kafka
     * refused any.
     */
    public GeneratorStats send(KafkaEndpoint kafka, String prefix, Pacer pacer, Limit limit, LongConsumer progress) {
        ContractGate gate = new ContractGate(contracts, new CatalogueCheck(catalogue));
        GeneratorStats stats = new GeneratorStats();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");                 // nothing counts as sent until it is replicated
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);    // a retried batch is not written twice
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);               // at thousands per second, fill batches first
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");     // JSON shrinks about fourfold, cheaply
        long deadline = System.nanoTime() + limit.duration().toNanos();
        Iterator<GeneratedRecord> records = records();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            long handled = 0;
            while (handled < limit.records() && System.nanoTime() < deadline && !Thread.interrupted()) {
                GeneratedRecord record = records.next();
                handled++;
                ContractGate.Decision decision = gate.admit(record);
                if (decision.verdict() == ContractGate.Verdict.REFUSE) {
                    stats.refused(record, decision.violations());
                    continue;
                }
                try {
                    pacer.awaitTurn(record.emitAt());
                } catch (InterruptedException e) {
                    break; // asked to stop: what was sent is flushed below
                }
                producer.send(new ProducerRecord<>(prefix + record.type().topic(), record.key(), record.value()), (meta, error) -> {
                    if (error != null && failed.getAndIncrement() == 0) {
                        firstFailure.set(error);
                    }
                });
                stats.sent(record);
                if (stats.sent() % 1_000 == 0) {
                    progress.accept(stats.sent());
                }
            }
            producer.flush();
        }
        progress.accept(stats.sent());
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records were not acknowledged by Kafka, the first: "
                    + firstFailure.get(), firstFailure.get());
        }
        return stats;
    }
}
