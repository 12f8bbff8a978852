package streamworkbook.week02.solutions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import streamworkbook.week02.ChangePublisher;
import streamworkbook.week02.Product;
import streamworkbook.week02.ProductChange;

/**
 * Reference solution of exercise 2.4: poll the outbox after a durable cursor, send, wait for the
 * acknowledgements, then advance the cursor.
 */
public class OutboxPublisher implements ChangePublisher {

    @Override
    public int publishNext(Connection db, Producer<String, String> producer, String topic, String publisherName,
                           int maxChanges) throws Exception {
        long cursor = readCursor(db, publisherName);
        List<ProductChange> changes = readChangesAfter(db, cursor, maxChanges);
        if (changes.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(changes.size());
        for (ProductChange change : changes) {
            // key = product id: all changes of one product go to one partition, so they stay in order
            acks.add(producer.send(new ProducerRecord<>(topic, Long.toString(change.productId()), change.toJson())));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();   // a failed send throws here, and the cursor below is not moved
        }
        // Only now is the batch safely in Kafka. If we crashed right here, before the cursor is saved,
        // the next publisher would send this batch again: at-least-once. Consumers deduplicate on
        // change_id (see the README for how to close that window).
        saveCursor(db, publisherName, changes.get(changes.size() - 1).changeId());
        return changes.size();
    }

    private static long readCursor(Connection db, String publisherName) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT last_change_id FROM publisher_cursors WHERE publisher = ?")) {
            select.setString(1, publisherName);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        }
    }

    private static List<ProductChange> readChangesAfter(Connection db, long cursor, int limit) throws SQLException {
        // change_id order is the feed's order; the primary key index makes "after the cursor" cheap
        try (PreparedStatement select = db.prepareStatement("""
                SELECT change_id, product_id, op, changed_at, payload
                FROM product_changes
                WHERE change_id > ?
                ORDER BY change_id
                LIMIT ?
                """)) {
            select.setLong(1, cursor);
            select.setInt(2, limit);
            List<ProductChange> changes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changes.add(new ProductChange(
                            row.getLong("change_id"),
                            row.getLong("product_id"),
                            row.getString("op"),
                            row.getObject("changed_at", OffsetDateTime.class).toInstant(),
                            Product.fromJson(row.getString("payload"))));
                }
            }
            return changes;
        }
    }

    private static void saveCursor(Connection db, String publisherName, long lastChangeId) throws SQLException {
        // one statement, committed on its own (auto-commit): insert the first time, update afterwards
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO publisher_cursors (publisher, last_change_id) VALUES (?, ?)
                ON CONFLICT (publisher) DO UPDATE
                SET last_change_id = EXCLUDED.last_change_id, updated_at = now()
                """)) {
            upsert.setString(1, publisherName);
            upsert.setLong(2, lastChangeId);
            upsert.executeUpdate();
        }
    }
}
