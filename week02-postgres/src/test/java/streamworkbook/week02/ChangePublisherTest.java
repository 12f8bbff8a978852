package streamworkbook.week02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import streamworkbook.kit.verify.Exercise;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.PostgresEndpoint;
import streamworkbook.kit.infra.UniqueNames;


/**
 * Exercise 2.4: every change of the feed reaches Kafka exactly once, keyed by product, in order per
 * product, even when the publisher is stopped midway and a new one takes over.
 */
@Exercise("2.4")
class ChangePublisherTest {

    static final String PUBLISHER = "test-publisher";

    @Test
    void everyChangeIsPublishedExactlyOnceAcrossARestart() throws Exception {
        PostgresEndpoint db = ShopDb.freshShop("w2publish");
        CatalogFixture.insert(db, CatalogGenerator.generate(7, 10, 1_000, 5));         // 1,000 inserts
        ShopDb.execute(db, "UPDATE products SET price = price + 1 WHERE id % 5 = 0");  // 200 updates
        List<ProductChange> feed = feed(db);
        assertEquals(1_200, feed.size());
        String topic = newTopic();

        // the first publisher publishes one batch, then stops
        try (Connection c = db.connect(); KafkaProducer<String, String> producer = producer()) {
            assertEquals(500, newPublisher().publishNext(c, producer, topic, PUBLISHER, 500));
        }
        assertEquals(feed.get(499).changeId(), cursor(db));

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
        assertEquals(List.of(500, 200, 0), published);
        assertEquals(feed.get(feed.size() - 1).changeId(), cursor(db));

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
        assertEquals(feed(db).get(21).changeId(), cursor(db));
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

    private static long cursor(PostgresEndpoint db) throws SQLException {
        return ShopDb.count(db, "SELECT last_change_id FROM publisher_cursors WHERE publisher = '" + PUBLISHER + "'");
    }
}
