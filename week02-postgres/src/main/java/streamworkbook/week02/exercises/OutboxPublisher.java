package streamworkbook.week02.exercises;

import java.sql.Connection;
import org.apache.kafka.clients.producer.Producer;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.ChangePublisher;

/**
 * Exercise 2.4 — Publish product changes to Kafka. See {@link ChangePublisher} for the contract and
 * week02-postgres/README.md#24-publish-product-changes-to-kafka for the walk-through.
 */
public class OutboxPublisher implements ChangePublisher {

    @Override
    public int publishNext(Connection db, Producer<String, String> producer, String topic, String publisherName,
                           int maxChanges) throws Exception {
        // TODO 2.4: publish the next batch of the product_changes feed, then move the cursor.
        //  1. SELECT last_change_id FROM publisher_cursors WHERE publisher = ?   (no row: 0)
        //  2. SELECT change_id, product_id, op, changed_at, payload FROM product_changes
        //     WHERE change_id > ? ORDER BY change_id LIMIT ?     (nothing: return 0)
        //  3. For each row build a ProductChange (Product.fromJson(payload)) and
        //     producer.send(new ProducerRecord<>(topic, productId as a string, change.toJson())).
        //     Keep the Futures that send returns.
        //  4. Wait for every Future (get()): only acknowledged records are safely in Kafka.
        //  5. Then, and only then, save the last change_id as the cursor:
        //     INSERT … ON CONFLICT (publisher) DO UPDATE SET last_change_id = EXCLUDED.last_change_id
        //  6. Return how many you published.
        throw new NotImplementedYet("2.4");
    }
}
