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

/** Exercise 3.2 — your code. The contract is in {@link FirstJob}; the steps in week03-flink/README.md. */
public class FirstShopJob implements FirstJob {

    @Override
    public KafkaSource<ShopEvent> source(String bootstrapServers, List<String> topics, String groupId,
                                         KafkaRecordDeserializationSchema<ShopEvent> decoder, boolean bounded) {
        // TODO 3.2 (part 1): build the source with KafkaSource.<ShopEvent>builder():
        //  setBootstrapServers, setTopics(topics), setGroupId, setDeserializer(decoder),
        //  setStartingOffsets(OffsetsInitializer.earliest()) — read what is already there —
        //  and, only if bounded, setBounded(OffsetsInitializer.latest()). Then build().
        throw new NotImplementedYet("3.2");
    }

    @Override
    public DataStream<PurchaseLine> purchases(DataStream<ShopEvent> events) {
        // TODO 3.2 (part 2): events.filter(keep purchases).map(event -> new PurchaseLine(...)).
        //  The total is event.revenue(). Give each operator a name with .name("…"): the Flink UI shows it.
        throw new NotImplementedYet("3.2");
    }

    @Override
    public DataStream<SearchTerm> searchTerms(DataStream<ShopEvent> events) {
        // TODO 3.2 (part 3): filter searches, then flatMap each to its words.
        //  A flatMap emits zero, one or many records per input through a Collector: out.collect(term).
        //  With a lambda, Java erases the Collector's type; tell Flink the result type with
        //  .returns(SearchTerm.class) — or write a small class implementing FlatMapFunction instead.
        throw new NotImplementedYet("3.2");
    }
}
