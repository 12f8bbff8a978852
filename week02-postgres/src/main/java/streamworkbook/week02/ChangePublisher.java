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
     * <ol>
     *   <li>Read the cursor: {@code publisher_cursors.last_change_id} of the row whose {@code publisher}
     *       is {@code publisherName}; no row means nothing was published yet (cursor 0).</li>
     *   <li>Read up to {@code maxChanges} rows of {@code product_changes} with a larger
     *       {@code change_id}, in {@code change_id} order.</li>
     *   <li>Send each to {@code topic}: key = the product id as a decimal string, value =
     *       {@link ProductChange#toJson()} (the product is the row's {@code payload}, see
     *       {@link Product#fromJson}).</li>
     *   <li>Only when Kafka has acknowledged every one of them, store the last change id sent as the
     *       cursor (insert or update the cursor row) and commit.</li>
     * </ol>
     *
     * <p>{@code db} is in auto-commit mode (each statement commits by itself), and {@code producer} is
     * an idempotent producer with {@code acks=all} and String serializers, which the caller closes.
     *
     * @return how many changes were published; 0 when there was nothing new
     */
    int publishNext(Connection db, Producer<String, String> producer, String topic, String publisherName, int maxChanges)
            throws Exception;
}
