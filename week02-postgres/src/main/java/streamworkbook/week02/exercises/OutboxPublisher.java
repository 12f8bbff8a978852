package streamworkbook.week02.exercises;

import java.sql.Connection;
import org.apache.kafka.clients.producer.Producer;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.week02.ChangePublisher;

/**
 * Exercise 2.4 — copy the product change feed to Kafka and keep a durable cursor, so that a publisher that
 * stops (or fails to send) loses nothing and a new one resumes exactly where the last one stopped.
 *
 * @see ChangePublisher the contract
 * @see "week02-postgres/README.md#24-publish-product-changes-to-kafka (hints: ./workbook hint 2.4)"
 */
public class OutboxPublisher implements ChangePublisher {

    @Override
    public int publishNext(Connection db, Producer<String, String> producer, String topic, String publisherName,
                           int maxChanges) throws Exception {
        throw new NotImplementedYet("2.4");
    }
}
