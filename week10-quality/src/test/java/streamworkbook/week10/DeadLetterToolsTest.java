package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.UniqueNames;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.week07.Corruption;
import streamworkbook.week10.solutions.ShopRecordValidation;

/**
 * The given tools around the dead-letter topic, on the reference solutions (they credit no exercise): the record
 * format, the replay of repaired dead letters through the pipeline, and the summary the platform demo prints. The
 * replay runs first and the summary sees its result: the tests of this class run in the order given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterToolsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static Traffic.Sent sent;
    private static Map<Corruption, Long> broken;
    /** The pipeline's database: it runs once, in the first test that needs it (see {@link Once}). */
    private static final Once<ClickHouseEndpoint> PIPELINE = new Once<>(() -> {
        ClickHouseEndpoint ch = Traffic.freshDatabase();
        Traffic.validate(Traffic.everything(sent.sourceTopics()), new ShopRecordValidation(), Traffic.rules(), sent.deadLetterTopic(), ch);
        return ch;
    });

    @BeforeAll
    static void sendTheRecords() {
        sent = Traffic.send(303, 3_000, 0.10);
        broken = new TreeMap<>(sent.stats().brokenOnPurpose());
    }

    @Test
    @Order(1)
    void aDeadLetterRecordCarriesTheOriginalBytesAndItsContextInHeaders() {
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        DeadLetter letter = new DeadLetter("shop-purchase", 1, 42, 1_700_000_000_123L, null, notUtf8, "$", "json",
                "$: not JSON — «ü»", 1_700_000_000_456L);
        ProducerRecord<byte[], byte[]> produced = DeadLetters.toRecord("shop-dead-letters", letter);
        assertArrayEquals(notUtf8, produced.value(), "the value is the original bytes");
        assertEquals("42", new String(produced.headers().lastHeader(DeadLetters.SOURCE_OFFSET).value(), StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("shop-dead-letters", 0, 7, produced.timestamp(),
                TimestampType.CREATE_TIME, 0, notUtf8.length, produced.key(), produced.value(), produced.headers(), java.util.Optional.empty());
        DeadLetter back = DeadLetters.fromRecord(consumed);
        assertEquals(letter.coordinates(), back.coordinates());
        assertEquals(List.of(letter.timestamp(), letter.field(), letter.rule(), letter.reason(), letter.failedAt()),
                List.of(back.timestamp(), back.field(), back.rule(), back.reason(), back.failedAt()));
        assertNull(back.key());
        assertArrayEquals(notUtf8, back.value());
        assertEquals(DeadLetters.headerNames(), java.util.Arrays.stream(produced.headers().toArray()).map(Header::key).toList());
    }

    @Test
    @Order(2)
    void repairedDeadLettersAreReplayedOnceAndThenPass() throws Exception {
        ClickHouseEndpoint clickhouse = PIPELINE.get();
        Map<TopicPartition, Long> before = endOffsets(sent.sourceTopics());
        long distinctBefore = Traffic.count(clickhouse, "SELECT uniqExact(event_id) FROM events");
        String group = UniqueNames.next("w10-replay");
        List<DeadLetterReplay.Fix> fixes = List.of(DeadLetterReplay.Fix.USER_ID_AS_TEXT, DeadLetterReplay.Fix.TIME_FROM_KAFKA);

        DeadLetterReplay.Result result = DeadLetterReplay.replay(Infra.kafka(), sent.deadLetterTopic(), group, fixes, Traffic.rules(), false);
        long fixable = broken.getOrDefault(Corruption.WRONG_TYPE, 0L) + broken.getOrDefault(Corruption.BAD_TIME, 0L);
        assertEquals(sent.broken(), result.read(), "dead letters read");
        assertEquals(fixable, result.replayed(), "a user id sent as a number and an event time that is not a time can be repaired");
        assertEquals(Map.of("required", broken.get(Corruption.MISSING_FIELD), "catalogue", broken.get(Corruption.UNKNOWN_PRODUCT),
                "json", broken.get(Corruption.TRUNCATED)), result.keptByRule(), "what no fix repairs stays, by rule");

        // the repaired records are new records of their source topics, each naming the dead letter it replaces
        Set<String> deadCoordinates = new HashSet<>();
        Traffic.read(List.of(sent.deadLetterTopic())).forEach(r -> deadCoordinates.add(DeadLetters.fromRecord(r).coordinates()));
        long replayedRecords = 0;
        for (ConsumerRecord<byte[], byte[]> r : Traffic.read(sent.sourceTopics())) {
            if (r.offset() >= before.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                Header from = r.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM);
                assertNotNull(from, "a replayed record names the dead letter it repairs");
                assertTrue(deadCoordinates.contains(new String(from.value(), StandardCharsets.UTF_8)));
                replayedRecords++;
            }
        }
        assertEquals(fixable, replayedRecords, "records added to the source topics");

        // the pipeline reads them like any other record: all valid now
        KafkaSource<RawRecord> rest = KafkaSource.<RawRecord>builder().setBootstrapServers(Infra.kafka().bootstrapServers())
                .setGroupId(UniqueNames.next("w10")).setTopics(sent.sourceTopics())
                .setStartingOffsets(OffsetsInitializer.offsets(before)).setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawRecords.Deserializer()).build();
        Traffic.validate(rest, new ShopRecordValidation(), Traffic.rules(), sent.deadLetterTopic(), clickhouse);
        assertEquals(distinctBefore + fixable, Traffic.count(clickhouse, "SELECT uniqExact(event_id) FROM events"),
                "every replayed record became an event");
        assertEquals(sent.broken(), TopicRecords.count(Infra.kafka(), List.of(sent.deadLetterTopic())), "no new dead letters");

        DeadLetterReplay.Result again = DeadLetterReplay.replay(Infra.kafka(), sent.deadLetterTopic(), group, fixes, Traffic.rules(), false);
        assertEquals(0, again.read(), "a second run starts after the dead letters the first one handled");
    }

    @Test
    @Order(3)
    void theSummaryCountsDeadLettersByRuleAndReconciles() throws Exception {
        ClickHouseEndpoint clickhouse = PIPELINE.get();
        QualitySummary summary = QualitySummary.compute(Infra.kafka(), clickhouse, sent.prefix(), Duration.ofMinutes(5));
        assertEquals(sent.broken(), summary.deadLetters());
        Map<String, Long> byRule = new TreeMap<>();
        broken.forEach((corruption, n) -> byRule.merge(corruption.rule(), n, Long::sum));
        assertEquals(byRule, summary.deadLettersByRule());
        assertTrue(summary.reconciliation().balanced(), "the replayed records are in the source and in the sink: "
                + summary.reconciliation().discrepancies());
        List<QualityReport.Row> completeness = summary.report().stream().filter(r -> r.check().equals("completeness")).toList();
        assertEquals(summary.reconciliation().expected().size(), completeness.size(), "one completeness result per type and minute");
        assertTrue(completeness.stream().allMatch(QualityReport.Row::passed), "every minute complete: "
                + completeness.stream().filter(r -> !r.passed()).toList());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        summary.printTo(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("dead letters: " + String.format("%,d", sent.broken())), out.toString());
    }

    private static Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, Long> end = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : Traffic.read(topics)) {
            end.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        return end;
    }
}
