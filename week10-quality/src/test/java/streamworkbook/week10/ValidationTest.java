package streamworkbook.week10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.testing.TestFlink;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.week06.EventsTable;
import streamworkbook.week07.GeneratedRecord;
import streamworkbook.week07.Violation;

/**
 * Exercise 10.1: your validation in the pipeline Kafka → Flink → ClickHouse, dead letters into Kafka. The source is
 * 6,000 records of week 7's generator, 5 % of them broken on purpose (each {@code Corruption} says which field and
 * rule it breaks), 2 % late, 2 % duplicates, in six topics of two partitions; then six records written by hand into
 * the purchase topic: a purchase with a quantity of 0, pretty-printed as some clients send JSON; one with two faults;
 * a tombstone (no value); bytes that are not UTF-8; a valid purchase that a buggy rule throws on; and a valid purchase
 * after it. Valid events go to a plain MergeTree table, so its rows are exactly the valid records.
 *
 * <p>Rejects:
 * <ul>
 *   <li>dropping bad records (a filter, or no side output): produced ≠ valid + dead-lettered;</li>
 *   <li>re-serialising the payload (the parsed JSON written again, or the bytes turned into a String and back): the
 *       pretty-printed record and the non-UTF-8 bytes are no longer the bytes at their source offset;</li>
 *   <li>losing the source coordinates (no offset, a made-up one, another record's): a dead letter does not point at
 *       the record it stands for;</li>
 *   <li>catching and swallowing everything ({@code catch (Exception e) {}}): the record the buggy rule throws on
 *       disappears — and not catching at all fails the job;</li>
 *   <li>one dead letter per violation, or only the first violation in the reason: the record with two faults.</li>
 * </ul>
 */
@Exercise("10.1")
@OnTimeout("does your ProcessFunction wait, loop or block? Every record must leave processElement at once: on the main "
        + "output or as a dead letter on the side output")
class ValidationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster();

    private static final int GENERATED = 6_000;
    private static final String BUG = "o-rule-bug";
    private static final long HAND_TIMESTAMP = Instant.parse("2026-11-24T10:30:00Z").toEpochMilli();

    /** A record written by hand, and the dead letter it must become (null: it is valid). */
    private record Hand(String name, byte[] value, String field, String rule, List<String> reasonNames) {
    }

    private static Traffic.Sent sent;
    private static List<Hand> hand;
    private static ClickHouseEndpoint clickhouse;
    private static Instant started;
    private static Instant finished;
    private static List<DeadLetter> deadLetters;
    private static Map<String, ConsumerRecord<byte[], byte[]>> source;

    /** The pipeline runs once, in the first test (see {@link Once}); every test examines its result. */
    private static final Once<Boolean> PIPELINE = new Once<>(ValidationTest::runThePipeline);

    @BeforeAll
    static void sendTheRecords() {
        sent = Traffic.send(101, GENERATED, 0.05);
        String sku = Traffic.CATALOG.products().get(0).sku();
        hand = List.of(
                new Hand("pretty-printed, quantity 0", pretty(purchase("9b0c1e4e-0000-4000-8000-000000000001", "o-1", sku, "0", "12.50")),
                        "$.quantity", "minimum", List.of("$.quantity")),
                new Hand("two faults", purchase("9b0c1e4e-0000-4000-8000-000000000002", "o-2", "SKU-NOT-SOLD", "0", "3.10")
                        .getBytes(StandardCharsets.UTF_8), "$.quantity", "minimum", List.of("$.quantity", "$.product_id")),
                new Hand("tombstone", null, "$", "json", List.of()),
                new Hand("not UTF-8", new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, '}'}, "$", "json", List.of()),
                new Hand("valid, but a rule throws", purchase("9b0c1e4e-0000-4000-8000-000000000003", BUG, sku, "1", "9.99")
                        .getBytes(StandardCharsets.UTF_8), "$", "exception", List.of("IllegalStateException", "a bug in a rule")),
                new Hand("valid, after the buggy one", purchase("9b0c1e4e-0000-4000-8000-000000000004", "o-4", sku, "2", "4.20")
                        .getBytes(StandardCharsets.UTF_8), null, null, List.of()));
        sendByHand(sent.prefix() + EventType.PURCHASE.topic(), hand);
    }

    private static boolean runThePipeline() throws Exception {
        clickhouse = Infra.clickhouse().withFreshDatabase("w10");
        // a plain MergeTree: every valid record becomes exactly one row (no replacing, not even within one insert)
        Traffic.execute(clickhouse, "CREATE TABLE events (" + EventsTable.COLUMNS + ") ENGINE = MergeTree ORDER BY (event_type, event_time)");
        Validation validation = Exercises.pick(streamworkbook.week10.exercises.ShopRecordValidation::new,
                streamworkbook.week10.solutions.ShopRecordValidation::new);
        started = Instant.now();
        Traffic.validate(Traffic.everything(sent.sourceTopics()), validation, new BuggyRules(Traffic.rules()),
                sent.deadLetterTopic(), clickhouse);
        finished = Instant.now();

        deadLetters = new ArrayList<>();
        Traffic.read(List.of(sent.deadLetterTopic())).forEach(r -> deadLetters.add(DeadLetters.fromRecord(r)));
        source = new HashMap<>();
        Traffic.read(sent.sourceTopics()).forEach(r -> source.put(RawRecord.coordinates(r.topic(), r.partition(), r.offset()), r));
        return true;
    }

    @Test
    void everyRecordProducedIsEitherValidOrDeadLettered() throws Exception {
        PIPELINE.get();
        long produced = TopicRecords.count(Infra.kafka(), sent.sourceTopics());
        long valid = Traffic.count(clickhouse, "SELECT count() FROM events");
        long dead = TopicRecords.count(Infra.kafka(), List.of(sent.deadLetterTopic()));
        assertEquals(GENERATED + hand.size(), produced, "records in the source topics (end offsets)");
        assertEquals(produced, valid + dead, "produced = valid + dead-lettered: " + produced + " produced, " + valid
                + " rows in ClickHouse, " + dead + " dead letters — nothing may be dropped, nothing written twice");
        assertEquals(sent.broken() + hand.stream().filter(h -> h.rule() != null).count(), dead,
                "dead letters: the generator broke " + sent.broken() + " records, and 5 were written by hand broken or"
                        + " for a buggy rule");
    }

    @Test
    void theValidEventsAreExactlyTheUnbrokenRecords() throws Exception {
        PIPELINE.get();
        Map<String, Long> expected = new TreeMap<>();
        sent.records().stream().filter(r -> r.kind() != GeneratedRecord.Kind.INVALID)
                .forEach(r -> expected.merge(r.type().wireName(), 1L, Long::sum));
        expected.merge("purchase", 1L, Long::sum); // the valid purchase written by hand after the buggy one
        Map<String, Long> found = new TreeMap<>();
        Traffic.query(clickhouse, "SELECT event_type, count() FROM events GROUP BY event_type",
                rs -> found.put(rs.getString(1), rs.getLong(2)));
        assertEquals(expected, found, "rows per event type in ClickHouse");
        assertEquals(1, Traffic.count(clickhouse, "SELECT count() FROM events WHERE event_id = '9b0c1e4e-0000-4000-8000-000000000004'"),
                "the valid purchase sent after the record a rule threw on: the job must go on after it");
    }

    @Test
    void everyDeadLetterIsItsSourceRecordByteForByte() throws Exception {
        PIPELINE.get();
        Set<String> seen = new HashSet<>();
        for (DeadLetter letter : deadLetters) {
            assertTrue(seen.add(letter.coordinates()), "two dead letters for " + letter.coordinates());
            ConsumerRecord<byte[], byte[]> original = source.get(letter.coordinates());
            assertNotNull(original, "the dead letter (" + letter.field() + ", " + letter.rule() + ") names "
                    + letter.coordinates() + ", where the source has no record: keep the source record's topic, partition and offset");
            assertArrayEquals(original.value(), letter.value(), "the dead letter of " + letter.coordinates()
                    + " must carry the very bytes read there, not a re-serialised copy: got "
                    + (letter.value() == null ? "null" : new String(letter.value(), StandardCharsets.UTF_8)));
            assertArrayEquals(original.key(), letter.key(), "the key of " + letter.coordinates());
            assertEquals(original.timestamp(), letter.timestamp(), "the Kafka timestamp of " + letter.coordinates());
        }
        Set<String> broken = new HashSet<>();
        Map<ByteBuffer, GeneratedRecord> byBytes = sent.brokenByBytes();
        source.forEach((coordinates, r) -> {
            boolean byHand = r.value() == null || hand.stream().anyMatch(h -> h.rule() != null && java.util.Arrays.equals(h.value(), r.value()));
            if (byHand || byBytes.containsKey(ByteBuffer.wrap(r.value()))) {
                broken.add(coordinates);
            }
        });
        assertEquals(broken, seen, "the dead letters stand for exactly the broken records");
    }

    @Test
    void everyDeadLetterSaysWhichFieldBreaksWhichRule() throws Exception {
        PIPELINE.get();
        Map<ByteBuffer, GeneratedRecord> byBytes = sent.brokenByBytes();
        Map<String, Long> checked = new TreeMap<>();
        for (DeadLetter letter : deadLetters) {
            String expectedField;
            String expectedRule;
            List<String> named;
            Hand byHand = letter.value() == null ? hand.get(2)
                    : hand.stream().filter(h -> java.util.Arrays.equals(h.value(), letter.value())).findFirst().orElse(null);
            if (byHand != null) {
                expectedField = byHand.field();
                expectedRule = byHand.rule();
                named = byHand.reasonNames();
            } else {
                GeneratedRecord record = byBytes.get(ByteBuffer.wrap(letter.value()));
                assertNotNull(record, "a dead letter of a record the generator did not break: " + letter.reason());
                expectedField = record.corruption().field();
                expectedRule = record.corruption().rule();
                named = expectedField.equals("$") ? List.of() : List.of(expectedField);
            }
            String what = letter.coordinates() + " (" + letter.reason() + ")";
            assertEquals(expectedField, letter.field(), "the field at fault of " + what);
            assertEquals(expectedRule, letter.rule(), "the rule broken by " + what);
            for (String name : named) {
                assertTrue(letter.reason() != null && letter.reason().contains(name), "the reason of " + letter.coordinates()
                        + " must name " + name + " (every violation, for a person to read): " + letter.reason());
            }
            assertTrue(!Instant.ofEpochMilli(letter.failedAt()).isBefore(started.minusSeconds(1))
                            && !Instant.ofEpochMilli(letter.failedAt()).isAfter(finished.plusSeconds(1)),
                    "failedAt is when the record was refused, during the job (" + started + " – " + finished + "): "
                            + Instant.ofEpochMilli(letter.failedAt()));
            checked.merge(letter.rule(), 1L, Long::sum);
        }
        assertTrue(checked.keySet().containsAll(List.of("required", "type", "format", "catalogue", "json", "minimum", "exception")),
                "every kind of fault was seen: " + checked);
    }

    @Test
    void aRuleThatThrowsDeadLettersTheRecordAndTheJobGoesOn() throws Exception {
        PIPELINE.get();
        DeadLetter letter = deadLetters.stream().filter(d -> d.value() != null && new String(d.value(), StandardCharsets.UTF_8).contains(BUG))
                .findFirst().orElse(null);
        assertNotNull(letter, "the record the buggy rule threw on is not in the dead-letter topic: a record whose check fails "
                + "must not vanish (catching and ignoring the exception loses it)");
        assertEquals("$", letter.field());
        assertEquals("exception", letter.rule());
        assertTrue(letter.reason().contains("IllegalStateException") && letter.reason().contains("a bug in a rule"),
                "the reason names the exception's class and message: " + letter.reason());
    }

    /** Week 7's rules, with a bug: they throw on records that mention {@value #BUG}. */
    static final class BuggyRules implements RecordRules {
        private final RecordRules rules;

        BuggyRules(RecordRules rules) {
            this.rules = rules;
        }

        @Override
        public List<Violation> check(byte[] value) {
            if (value != null && new String(value, StandardCharsets.UTF_8).contains(BUG)) {
                throw new IllegalStateException("a bug in a rule: cannot check " + BUG);
            }
            return rules.check(value);
        }
    }

    private static String purchase(String id, String order, String sku, String quantity, String price) {
        return "{\"event_id\":\"" + id + "\",\"type\":\"purchase\",\"event_time\":\"2026-11-24T10:05:00Z\",\"user_id\":\"u-1\","
                + "\"session_id\":\"s-hand\",\"order_id\":\"" + order + "\",\"product_id\":\"" + sku + "\",\"quantity\":"
                + quantity + ",\"price\":" + price + "}";
    }

    /** As some clients send JSON: indented, spaces around the colons, a final newline. */
    private static byte[] pretty(String json) {
        String indented = json.replace("{", "{\n  ").replace(",\"", ",\n  \"").replace("\":", "\" : ").replace("}", "\n}\n");
        return indented.getBytes(StandardCharsets.UTF_8);
    }

    private static void sendByHand(String topic, List<Hand> records) {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Hand h : records) {
                // one partition, in this order: the valid purchase comes after the one a rule throws on
                producer.send(new ProducerRecord<>(topic, 0, HAND_TIMESTAMP, "u-1".getBytes(StandardCharsets.UTF_8), h.value()));
            }
            producer.flush();
        }
    }
}
