package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.InvalidEventException;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.kit.shop.ShopJson;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week10.ReconciliationReport.Discrepancy;

/**
 * Exercise 10.5: your reconciliation after the reference validation has run Kafka → Flink → ClickHouse on 6,000 records
 * of week 7's generator (3 % broken, 2 % late, 2 % duplicates; about ten minutes of simulated traffic), first as it
 * should, then with losses put in on purpose: a minute of one type deleted from ClickHouse; another minute's events
 * deleted while as many new rows (new ids) appear in the next minute, two rows appear in a minute the source never
 * had, and copies of a third minute's rows (same ids) are written again; and a job that skipped one partition.
 *
 * <p>Rejects:
 * <ul>
 *   <li>comparing without the dead letters (every parseable source record expected): the records broken on purpose
 *       that still parse (an unknown product, a user id as a number) show up as losses in a clean run;</li>
 *   <li>counting rows instead of distinct events (in the source, or in ClickHouse before merges): the generator's
 *       duplicates and the copies look like surplus;</li>
 *   <li>totals per type only: the minute deleted and the extra rows of the next one cancel out;</li>
 *   <li>comparing only the minutes the source has: rows in a minute the source never had go unnoticed;</li>
 *   <li>reading a topic "until there is no more" with a loop that never ends: the test runs out of time, with the
 *       advice to read to the end offsets of the start (a loop that stops at the first empty poll usually passes
 *       here, where the broker is idle and fast — and loses records on a busy one).</li>
 * </ul>
 */
@Exercise("10.5")
@OnTimeout("does your reconciliation stop reading? Read each topic up to the end offsets it had when you started "
        + "(SourceSnapshot.forEach does), not until the topic is quiet")
class ReconciliationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static Traffic.Sent sent;
    private static SortedMap<TypeMinute, Set<String>> validIds;
    /** The clean run's database: the pipeline runs once, in the first test that needs it (see {@link Once}). */
    private static final Once<ClickHouseEndpoint> CLEAN = new Once<>(() -> {
        ClickHouseEndpoint ch = Traffic.freshDatabase();
        Traffic.validate(Traffic.everything(sent.sourceTopics()), new streamworkbook.week10.solutions.ShopRecordValidation(),
                Traffic.rules(), sent.deadLetterTopic(), ch);
        return ch;
    });

    private final Reconciliation reconciliation = Exercises.pick(streamworkbook.week10.exercises.SourceSinkReconciliation::new,
            streamworkbook.week10.solutions.SourceSinkReconciliation::new);

    @BeforeAll
    static void sendTheRecords() {
        sent = Traffic.send(202, 6_000, 0.03);
        // what the sink must hold, from the generator's own account: the events of every record it did not break
        validIds = new TreeMap<>();
        for (GeneratedRecord r : sent.records()) {
            if (r.kind() != GeneratedRecord.Kind.INVALID) {
                ShopEvent e = ShopJson.fromBytes(r.value());
                validIds.computeIfAbsent(TypeMinute.of(e.type(), e.eventTime()), k -> new HashSet<>()).add(e.eventId());
            }
        }
    }

    @Test
    void aCleanRunIsBalanced() throws Exception {
        ReconciliationReport report = reconcile(sent.deadLetterTopic(), CLEAN.get());
        assertEquals(6_000, report.produced(), "records in the source topics");
        assertEquals(sent.broken(), report.deadLettered(), "records the dead letters stand for");
        assertEquals(List.of(), report.unaccounted(), "records neither valid nor dead-lettered");
        SortedMap<TypeMinute, Long> expected = new TreeMap<>();
        validIds.forEach((key, ids) -> expected.put(key, (long) ids.size()));
        assertEquals(expected, report.expected(), "distinct events per type and minute among the source records that were"
                + " not dead-lettered (the generator's duplicates count once)");
        assertEquals(expected, report.found(), "distinct events per type and minute in ClickHouse (copies not yet merged count once)");
        assertEquals(List.of(), report.discrepancies(), "a clean run has no discrepancy");
    }

    @Test
    void aDeletedMinuteIsFoundAtItsTypeAndMinute() throws Exception {
        ClickHouseEndpoint copy = copyOf(CLEAN.get());
        TypeMinute fullest = fullest(EventType.ADD_TO_CART);
        long n = validIds.get(fullest).size();
        delete(copy, "event_type = 'add_to_cart' AND toStartOfMinute(event_time) = toDateTime(" + fullest.minute().getEpochSecond() + ")");
        ReconciliationReport report = reconcile(sent.deadLetterTopic(), copy);
        assertEquals(List.of(new Discrepancy(EventType.ADD_TO_CART, fullest.minute(), n, 0)), report.discrepancies(),
                "the " + n + " add_to_cart events of " + fullest.minute() + " were deleted from ClickHouse");
        assertEquals(List.of(), report.unaccounted());
    }

    @Test
    void aLossHiddenInTheTotalsIsFoundMinuteByMinute() throws Exception {
        ClickHouseEndpoint copy = copyOf(CLEAN.get());
        TypeMinute lost = fullest(EventType.PAGE_VIEW);
        TypeMinute next = new TypeMinute(EventType.PAGE_VIEW, lost.minute().plusSeconds(60));
        TypeMinute copied = fullest(EventType.SEARCH);
        long nLost = validIds.get(lost).size();
        long nNext = validIds.get(next).size();
        int k = 3;
        String inLost = "event_type = 'page_view' AND toStartOfMinute(event_time) = toDateTime(" + lost.minute().getEpochSecond() + ")";
        String inNext = "event_type = 'page_view' AND toStartOfMinute(event_time) = toDateTime(" + next.minute().getEpochSecond() + ")";
        String inCopied = "event_type = 'search' AND toStartOfMinute(event_time) = toDateTime(" + copied.minute().getEpochSecond() + ")";
        Instant stray = next.minute().plus(Duration.ofHours(2)); // long after the traffic: a minute the source never had
        delete(copy, "event_id IN (SELECT event_id FROM events WHERE " + inLost + " ORDER BY event_id LIMIT " + k + ")");
        Traffic.execute(copy,
                // k events that the source never had, in the next minute: a retry that minted new ids
                // (the rows are chosen in a subquery: in ClickHouse, an alias of the SELECT is seen by its WHERE)
                "INSERT INTO events SELECT * REPLACE (generateUUIDv4() AS event_id)"
                        + " FROM (SELECT * FROM events WHERE " + inNext + " ORDER BY event_id LIMIT " + k + ")",
                // 2 more in a minute the source has nothing in: a backfill from somewhere else
                "INSERT INTO events SELECT * REPLACE (generateUUIDv4() AS event_id, event_time + INTERVAL 2 HOUR AS event_time)"
                        + " FROM (SELECT * FROM events WHERE " + inNext + " ORDER BY event_id LIMIT 2)",
                // and copies of a whole minute of searches: the same events again, as a replay writes them
                "INSERT INTO events SELECT * FROM events WHERE " + inCopied + " SETTINGS optimize_on_insert = 0");
        ReconciliationReport report = reconcile(sent.deadLetterTopic(), copy);
        assertEquals(List.of(new Discrepancy(EventType.PAGE_VIEW, lost.minute(), nLost, nLost - k),
                        new Discrepancy(EventType.PAGE_VIEW, next.minute(), nNext, nNext + k),
                        new Discrepancy(EventType.PAGE_VIEW, stray, 0, 2)), report.discrepancies(),
                "page views: " + k + " deleted from " + lost.minute() + ", " + k + " new ones in the next minute (the totals"
                        + " agree), 2 in " + stray + " where the source has none; searches of " + copied.minute()
                        + " written twice (no discrepancy: the same events)");
    }

    @Test
    void aSkippedPartitionIsFoundInItsTypeAndMinutes() throws Exception {
        TopicPartition skipped = new TopicPartition(sent.prefix() + EventType.PAGE_VIEW.topic(), 1);
        Set<TopicPartition> read = new HashSet<>();
        for (String topic : sent.sourceTopics()) {
            for (int p = 0; p < 2; p++) {
                read.add(new TopicPartition(topic, p));
            }
        }
        read.remove(skipped);
        ClickHouseEndpoint partial = Traffic.freshDatabase();
        String deadLetters = sent.prefix() + UniqueNames.next("dead") ;
        Infra.kafka().createTopicsIfMissing(List.of(deadLetters), 2);
        KafkaSource<RawRecord> withoutOnePartition = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(Infra.kafka().bootstrapServers()).setGroupId(UniqueNames.next("w10")).setPartitions(read)
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawRecords.Deserializer()).build();
        Traffic.validate(withoutOnePartition, new streamworkbook.week10.solutions.ShopRecordValidation(), Traffic.rules(), deadLetters, partial);

        // what the skipped partition holds: events (valid, or broken in a way that still parses) and records that are not events
        Map<TypeMinute, Set<String>> missing = new HashMap<>();
        List<String> notEvents = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : Traffic.read(List.of(skipped.topic()))) {
            if (r.partition() != skipped.partition()) {
                continue;
            }
            try {
                ShopEvent e = ShopJson.fromBytes(r.value());
                missing.computeIfAbsent(TypeMinute.of(e.type(), e.eventTime()), key -> new HashSet<>()).add(e.eventId());
            } catch (InvalidEventException e) {
                notEvents.add(RawRecord.coordinates(r.topic(), r.partition(), r.offset()));
            }
        }
        assertTrue(!missing.isEmpty() && !notEvents.isEmpty(), "the skipped partition holds events and broken records");

        ReconciliationReport report = reconcile(deadLetters, partial);
        List<Discrepancy> expected = new ArrayList<>();
        new TreeMap<>(missing).forEach((key, ids) -> {
            // a full run finds the generator's valid events (aCleanRunIsBalanced); this one, those of the other partition
            long inPartitionValid = ids.stream().filter(id -> validIds.getOrDefault(key, Set.of()).contains(id)).count();
            long found = validIds.getOrDefault(key, Set.of()).size() - inPartitionValid;
            expected.add(new Discrepancy(key.type(), key.minute(), found + ids.size(), found));
        });
        assertEquals(expected, report.discrepancies(), "the page views of partition " + skipped + " never reached ClickHouse; the"
                + " broken ones that parse were not dead-lettered either, so they are expected too");
        assertEquals(notEvents, report.unaccounted(), "the records of the skipped partition that are not events");
        assertEquals(6_000, report.produced());
    }

    private ReconciliationReport reconcile(String deadLetterTopic, ClickHouseEndpoint ch) {
        return reconciliation.reconcile(Infra.kafka(), sent.sourceTopics(), deadLetterTopic, ch);
    }

    /** The minute of this type with the most events. */
    private static TypeMinute fullest(EventType type) {
        return validIds.entrySet().stream().filter(e -> e.getKey().type() == type)
                .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow().getKey();
    }

    /** A new database with a copy of the events table, rows and copies as they are (merges stopped). */
    private static ClickHouseEndpoint copyOf(ClickHouseEndpoint source) throws Exception {
        ClickHouseEndpoint copy = Traffic.freshDatabase();
        String from = source.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        // optimize_on_insert = 0: copies within one insert are not collapsed while it is written
        Traffic.execute(copy, "INSERT INTO events SELECT * FROM " + from + ".events SETTINGS optimize_on_insert = 0");
        return copy;
    }

    /** A mutation runs as a merge: merges on for it, off again after (so that copies written later stay). */
    private static void delete(ClickHouseEndpoint ch, String where) throws Exception {
        Traffic.execute(ch, "SYSTEM START MERGES events",
                "ALTER TABLE events DELETE WHERE " + where + " SETTINGS mutations_sync = 2",
                "SYSTEM STOP MERGES events");
    }
}
