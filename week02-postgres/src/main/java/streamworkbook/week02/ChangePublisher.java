package streamworkbook.week02;

import java.sql.Connection;
import org.apache.kafka.clients.producer.Producer;

/**
 * Exercise 2.4: publishes the {@code product_changes} feed to Kafka and remembers, in PostgreSQL,
 * how far it got, so a new publisher resumes exactly where the last one stopped.
 */
public interface ChangePublisher {

    /**
     * Publishes the next changes after this publisher's cursor, then moves the cursor past them.
     *
     * <ul>
     *   <li>The cursor is {@code publisher_cursors.last_change_id} of the row whose {@code publisher} is
     *       {@code publisherName}: the largest {@code change_id} published so far (no row: nothing published).
     *       It survives the publisher: a new one, with a new connection and producer, resumes after it.</li>
     *   <li>Publishes up to {@code maxChanges} rows of {@code product_changes} with a larger {@code change_id},
     *       in {@code change_id} order (ids may have gaps), each once, to {@code topic}: key = the product id as
     *       a decimal string, value = {@link ProductChange#toJson()} of the row (the product is the row's
     *       {@code payload}, see {@link Product#fromJson}).</li>
     *   <li>The cursor moves only when Kafka has acknowledged every change up to it. If a send fails,
     *       {@code publishNext} throws and the cursor stays where it was, so those changes are published by a
     *       later call; a change is never skipped.</li>
     * </ul>
     *
     * <p>{@code db} is in auto-commit mode (each statement commits by itself), and {@code producer} is
     * an idempotent producer with {@code acks=all} and String serializers, which the caller closes.
     *
     * @return how many changes were published; 0 when there was nothing new
     */
    int publishNext(Connection db, Producer<String, String> producer, String topic, String publisherName, int maxChanges)
            throws Exception;
}
