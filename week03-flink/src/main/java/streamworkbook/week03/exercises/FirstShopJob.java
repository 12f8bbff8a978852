package streamworkbook.week03.exercises;

import java.util.List;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.exercise.NotImplementedYet;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week03.FirstJob;
import streamworkbook.week03.PurchaseLine;
import streamworkbook.week03.SearchTerm;

/**
 * Exercise 3.2 — a first Flink job: read the shop topics as a consumer group that resumes where it stopped, then
 * turn purchases into typed lines and search queries into their words.
 *
 * <p>The contract is {@link FirstJob}; the goal and graded hints are in
 * {@code week03-flink/README.md#32-a-first-job-from-kafka} ({@code ./workbook hint 3.2}).
 */
public class FirstShopJob implements FirstJob {

    @Override
    public KafkaSource<ShopEvent> source(String bootstrapServers, List<String> topics, String groupId,
                                         KafkaRecordDeserializationSchema<ShopEvent> decoder, boolean bounded) {
        throw new NotImplementedYet("3.2");
    }

    @Override
    public DataStream<PurchaseLine> purchases(DataStream<ShopEvent> events) {
        throw new NotImplementedYet("3.2");
    }

    @Override
    public DataStream<SearchTerm> searchTerms(DataStream<ShopEvent> events) {
        throw new NotImplementedYet("3.2");
    }
}
