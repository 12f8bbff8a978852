package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.verify.OnTimeout;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.infra.UniqueNames;


/**
 * Exercise 2.4: every change of the feed reaches Kafka exactly once, keyed by product, in order per
 * product, even when the publisher is stopped midway and a new one takes over; a failed send moves nothing.
 *
 * <p>Rejects:
 * <ul>
 *   <li>a cursor kept only in memory, or never committed: the second publisher (a new object, connection and
 *       producer) publishes everything again;</li>
 *   <li>the cursor saved before the sends are acknowledged, or sends not waited for at all: when Kafka refuses
 *       the records, the cursor has moved past changes that never reached the topic — lost for good;</li>
 *   <li>a failed send swallowed: {@code publishNext} must throw, so the caller tries again later;</li>
 *   <li>a cursor that counts changes instead of storing the last {@code change_id} (or pages with
 *       {@code OFFSET}): the feed has a gap of 50 ids from a rolled-back update, so the count and the id part
 *       ways and changes are published twice, or the stored cursor is not the last change id;</li>
 *   <li>records keyed by something other than the product id (or not keyed): one product's changes could
 *       arrive out of order;</li>
 *   <li>a value that is not the change row as {@code ProductChange} JSON;</li>
 *   <li>a {@code publishNext} that waits for new changes when there are none: the test's last call never returns.</li>
 * </ul>
 */
@Exercise("2.4")
@OnTimeout("does publishNext return 0 when there is nothing new? It must not wait for new changes: PublisherApp does the waiting")
// each test needs a few seconds; a publisher that waits for changes that never come fails after 30 s, not 60
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChangePublisherTest {

    static final String PUBLISHER = "test-publisher";

    @Test
    void everyChangeIsPublishedExactlyOnceAcrossARestart() throws Exception {
        PostgresEndpoint db = ShopDb.freshShop("w2publish");
        CatalogFixture.insert(db, CatalogGenerator.generate(7, 10, 1_000, 5));         // 1,000 inserts
        burnChangeIds(db, 50);                                                        // a gap of 50 ids
        ShopDb.execute(db, "UPDATE products SET price = price + 1 WHERE id % 5 = 0");  // 200 updates
        List<ProductChange> feed = feed(db);
        assertEquals(1_200, feed.size());
        assertEquals(1_250, feed.get(feed.size() - 1).changeId(), "the feed's last change id, after the gap");
        String topic = newTopic();

        // the first publisher publishes one batch, then stops
        try (Connection c = db.connect(); KafkaProducer<String, String> producer = producer()) {
            assertEquals(500, newPublisher().publishNext(c, producer, topic, PUBLISHER, 500));
        }
        assertEquals(feed.get(499).changeId(), cursor(db), "the cursor stored in publisher_cursors after 500 changes");

        // a new publisher (new object, connection and producer) resumes after the stored cursor
        List<Integer> published = new ArrayList<>();
        try (Connection c = db.connect(); KafkaProducer<String, String> producer = producer()) {
            ChangePublisher second = newPublisher();
            int n;
            do {
                n = second.publishNext(c, producer, topic, PUBLISHER, 500);
                published.add(n);
            } while (n > 0);
        }
        assertEquals(List.of(500, 200, 0), published, "what the second publisher's calls returned: the next 500, the"
                + " last 200, then nothing (the cursor is a change_id, and the feed has a gap of 50 ids)");
        assertEquals(feed.get(feed.size() - 1).changeId(), cursor(db), "the cursor stored after the whole feed");

        List<ConsumerRecord<String, String>> records = readAll(topic, 1_200);
        List<ProductChange> received = records.stream().map(r -> ProductChange.fromJson(r.value())).toList();
        Set<Long> ids = new HashSet<>();
        received.forEach(change -> ids.add(change.changeId()));
        assertEquals(1_200, ids.size(), "no change published twice");
        assertEquals(feed.stream().map(ProductChange::changeId).collect(java.util.stream.Collectors.toSet()), ids,
                "every change published");

        Map<Long, ProductChange> expected = new HashMap<>();
        feed.forEach(change -> expected.put(change.changeId(), change));
        Map<Long, Long> lastChangeOfProduct = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            ProductChange change = ProductChange.fromJson(record.value());
            assertEquals(expected.get(change.changeId()), change, "the published change is the feed's row");
            assertEquals(Long.toString(change.productId()), record.key(), "keyed by product id");
            Long previous = lastChangeOfProduct.put(change.productId(), change.changeId());
            assertTrue(previous == null || previous < change.changeId(), "changes of one product stay in order");
        }
        assertEquals(List.of("insert", "update"), List.of(
                received.stream().filter(c -> c.productId() == 5).map(ProductChange::op).toArray(String[]::new)));
    }

    @Test
    void aCaughtUpPublisherPicksUpNewChanges() throws Exception {
        PostgresEndpoint db = ShopDb.freshShop("w2publish");
        CatalogFixture.insert(db, CatalogGenerator.generate(8, 3, 20, 2));
        String topic = newTopic();
        ChangePublisher publisher = newPublisher();
        try (Connection c = db.connect(); KafkaProducer<String, String> producer = producer()) {
            assertEquals(20, publisher.publishNext(c, producer, topic, PUBLISHER, 100));
            assertEquals(0, publisher.publishNext(c, producer, topic, PUBLISHER, 100));

            ShopDb.execute(db, "UPDATE products SET price = 12.34 WHERE id IN (3, 17)");
            assertEquals(2, publisher.publishNext(c, producer, topic, PUBLISHER, 100));
            assertEquals(0, publisher.publishNext(c, producer, topic, PUBLISHER, 100));
        }
        List<ProductChange> received = readAll(topic, 22).stream().map(r -> ProductChange.fromJson(r.value()))
                .filter(change -> change.op().equals("update"))
                .sorted(java.util.Comparator.comparingLong(ProductChange::changeId)).toList();
        assertEquals(List.of("3 12.34", "17 12.34"),
                received.stream().map(c -> c.productId() + " " + c.product().price()).toList());
        assertEquals(feed(db).get(21).changeId(), cursor(db), "the cursor stored after the two new changes");
    }

    @Test
    void aFailedSendLeavesTheCursorWhereItWas() throws Exception {
        PostgresEndpoint db = ShopDb.freshShop("w2publish");
        CatalogFixture.insert(db, CatalogGenerator.generate(9, 3, 20, 2));
        String topic = newTopic();

        // a producer whose every record is refused (larger than it may send): nothing reaches the topic
        Exception failure = null;
        try (Connection c = db.connect(); KafkaProducer<String, String> refusing = refusingProducer()) {
            newPublisher().publishNext(c, refusing, topic, PUBLISHER, 100);
        } catch (Exception e) {
            if (NotImplementedYet.findIn(e) != null) {
                throw e;
            }
            failure = e;
        }
        assertEquals(0, cursor(db), "the cursor moved although Kafka acknowledged none of the changes:"
                + " those changes would never be published");
        assertTrue(failure != null, "publishNext returned normally although every send failed: it must throw");

        // once Kafka takes them, the same changes are published from the start
        try (Connection c = db.connect(); KafkaProducer<String, String> producer = producer()) {
            assertEquals(20, newPublisher().publishNext(c, producer, topic, PUBLISHER, 100));
        }
        assertEquals(20, readAll(topic, 20).size());
        assertEquals(feed(db).get(19).changeId(), cursor(db), "the cursor stored after all 20 changes");
    }

    /** Uses up identity values without adding changes: a rolled-back update, as a failed transaction leaves. */
    private static void burnChangeIds(PostgresEndpoint db, int count) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE products SET price = price + 1 WHERE id <= " + count);
            c.rollback();
        }
    }

    private static KafkaProducer<String, String> refusingProducer() {
        Map<String, Object> config = Infra.kafka().clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64);   // no change fits: each send fails
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private ChangePublisher newPublisher() {
        return Exercises.pick(
                streamworkbook.week02.exercises.OutboxPublisher::new,
                streamworkbook.week02.solutions.OutboxPublisher::new);
    }

    private static String newTopic() throws ExecutionException, InterruptedException {
        String topic = UniqueNames.next("product-changes");
        Infra.kafka().createTopicsIfMissing(List.of(topic), 3);
        return topic;
    }

    private static KafkaProducer<String, String> producer() {
        return FeedProducer.create(Infra.kafka());   // acks=all, idempotent
    }

    /** Every record of the topic; the end offsets say how many there are, so nothing extra can hide. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expectedCount) {
        KafkaEndpoint kafka = Infra.kafka();
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(expectedCount, total, "records in the topic");
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < total && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertEquals(expectedCount, records.size(), "records read back");
            return records;
        }
    }

    /** The product_changes table, as the publisher should publish it, in change_id order. */
    private static List<ProductChange> feed(PostgresEndpoint db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT change_id, product_id, op, changed_at, payload::text FROM product_changes ORDER BY change_id");
             ResultSet rs = s.executeQuery()) {
            List<ProductChange> feed = new ArrayList<>();
            while (rs.next()) {
                feed.add(new ProductChange(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), Product.fromJson(rs.getString(5))));
            }
            return feed;
        }
    }

    /** publisher_cursors.last_change_id of the test's publisher; 0 when it has no row (nothing published). */
    private static long cursor(PostgresEndpoint db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT last_change_id FROM publisher_cursors WHERE publisher = ?")) {
            s.setString(1, PUBLISHER);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
