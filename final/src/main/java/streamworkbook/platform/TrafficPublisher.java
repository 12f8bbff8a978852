package streamworkbook.platform;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.week07.Catalogue;
import streamworkbook.week07.CatalogueCheck;
import streamworkbook.week07.ContractGate;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.GeneratorSettings;
import streamworkbook.week07.Pacer;
import streamworkbook.week07.ShopGenerator;
import streamworkbook.week07.solutions.FunnelSession;
import streamworkbook.week07.solutions.SchemaContracts;
import streamworkbook.week07.solutions.ShopRhythm;

/**
 * Week 7's generator sending into the platform's topics, with live counts of what Kafka <em>acknowledged</em> — the
 * numbers every reconciliation starts from. Week 7's {@code ShopGenerator.send} does the same loop but reports only
 * at its end; a live platform and its drills need the counts while it runs.
 */
final class TrafficPublisher implements Runnable {

    private final ShopGenerator generator;
    private final Catalogue catalogue;
    private final KafkaEndpoint kafka;
    private final String prefix;
    private final Pacer pacer;
    private final long limit;
    private final java.time.Duration closedMargin;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ackedValid = new AtomicLong();
    private final AtomicLong ackedInvalid = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final ConcurrentLinkedQueue<Retry> retries = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, LongAdder> ackedByPartition = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile boolean holding;
    private volatile RuntimeException crash;

    TrafficPublisher(GeneratorSettings settings, Catalogue catalogue, KafkaEndpoint kafka, String prefix, Pacer pacer, long limit,
                     java.time.Duration closedMargin) {
        // the reference solutions of 7.1-7.3, whatever mode the workbook is in: the platform shows the finished weeks
        this.generator = new ShopGenerator(settings, catalogue, new FunnelSession(), new ShopRhythm(settings.shape()),
                new SchemaContracts());
        this.catalogue = catalogue;
        this.kafka = kafka;
        this.prefix = prefix;
        this.pacer = pacer;
        this.limit = limit;
        this.closedMargin = closedMargin;
    }

    /**
     * How far behind this traffic's newest event a window must have ended to be surely fired ({@link Drills#CLOSED_MARGIN}),
     * more when event time runs faster than the clock (--speed): the same real-time gaps are then more event time.
     */
    java.time.Duration closedMargin() {
        return closedMargin;
    }

    /** Valid events Kafka acknowledged: each one must become exactly one row of {@code events FINAL}. */
    long ackedValid() {
        return ackedValid.get();
    }

    /** Records broken on purpose that Kafka acknowledged: each one must become exactly one dead letter. */
    long ackedInvalid() {
        return ackedInvalid.get();
    }

    long acked() {
        return ackedValid.get() + ackedInvalid.get();
    }

    /** Records Kafka did not take for good (a non-retriable error): none is expected. */
    long failed() {
        return failed.get();
    }

    /** Records sent again after the producer gave up on them with a retriable error (its delivery timeout). */
    long resent() {
        return resent.get();
    }

    /** Records Kafka acknowledged on these partitions (a drill asks about the partitions a killed broker led). */
    long ackedOn(Collection<TopicPartition> partitions) {
        return partitions.stream().map(ackedByPartition::get).filter(java.util.Objects::nonNull).mapToLong(LongAdder::sum).sum();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    /**
     * Holds the generator (so that counts can be compared exactly while the platform runs on) and waits until every
     * record it sent is acknowledged or failed.
     */
    void pause() throws InterruptedException {
        paused = true;
        // the loop may be between its check and a send: wait until it is holding, with everything acknowledged
        while (!(holding && sent.get() == acked() + failed.get() + resent.get()) && !stopped && crash == null) {
            Thread.sleep(20);
        }
    }

    void resume() {
        paused = false;
    }

    /** Asks the loop to stop after the record in hand; {@link #run} returns once all it sent is acknowledged or failed. */
    void stop() {
        stopped = true;
    }

    /** What ended the loop, if it was not a stop or its limit. */
    RuntimeException crash() {
        return crash;
    }

    @Override
    public void run() {
        try {
            send();
        } catch (RuntimeException e) {
            crash = e;
        }
    }

    private void send() {
        ContractGate gate = new ContractGate(new SchemaContracts(), new CatalogueCheck(catalogue));
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");               // acknowledged = on every in-sync replica
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);  // a retry after a broker's loss writes no duplicate
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);             // thousands a second: fill batches first
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a broker restart or a leader election is waited out rather than failed (the default 2 min is enough)
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        Iterator<GeneratedRecord> records = generator.records();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            long fresh = 0; // records sent for the first time, up to the limit
            while (!stopped && fresh < limit && !Thread.currentThread().isInterrupted()) {
                Retry retry = retries.poll();
                if (retry != null) {
                    send(producer, retry.record(), retry.invalid());
                    continue;
                }
                GeneratedRecord record = records.next();
                ContractGate.Verdict verdict = gate.admit(record).verdict();
                if (verdict == ContractGate.Verdict.REFUSE) {
                    continue; // a generator bug, never sent (week 7's gate); not counted anywhere
                }
                try {
                    while (paused && !stopped) {
                        producer.flush(); // what was sent before the pause is acknowledged now, not after it
                        holding = true;
                        Thread.sleep(50);
                    }
                    holding = false;
                    pacer.awaitTurn(record.emitAt());
                } catch (InterruptedException e) {
                    break;
                }
                send(producer, record, verdict == ContractGate.Verdict.SEND_BROKEN_ON_PURPOSE);
                fresh++;
            }
            while (!retries.isEmpty() && !Thread.currentThread().isInterrupted()) { // what the producer gave up on at the end
                Retry retry = retries.poll();
                send(producer, retry.record(), retry.invalid());
                producer.flush();
            }
            producer.flush();
        }
    }

    /**
     * One send, counted when Kafka acknowledges it. A record the producer gives up on with a retriable error — its
     * delivery timeout expired, as a batch caught in a broker's {@code kill -9} can — is queued and sent again: the
     * same event with the same id, so the idempotent tables keep it once even if the first attempt reached the log.
     */
    private void send(KafkaProducer<String, byte[]> producer, GeneratedRecord record, boolean invalid) {
        producer.send(new ProducerRecord<>(prefix + record.type().topic(), record.key(), record.value()), (meta, error) -> {
            if (error instanceof RetriableException) {
                resent.incrementAndGet();
                retries.add(new Retry(record, invalid));
                return;
            }
            if (error != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, error);
                return;
            }
            if (invalid) {
                ackedInvalid.incrementAndGet();
            } else {
                ackedValid.incrementAndGet();
            }
            ackedByPartition.computeIfAbsent(new TopicPartition(meta.topic(), meta.partition()), p -> new LongAdder()).increment();
        });
        sent.incrementAndGet();
    }

    private record Retry(GeneratedRecord record, boolean invalid) {
    }
}
