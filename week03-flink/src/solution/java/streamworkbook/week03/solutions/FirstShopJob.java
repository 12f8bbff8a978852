package streamworkbook.week03.solutions;

import java.util.List;
import java.util.Locale;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week03.FirstJob;
import streamworkbook.week03.PurchaseLine;
import streamworkbook.week03.SearchTerm;

/** Reference solution of exercise 3.2. */
public class FirstShopJob implements FirstJob {

    /** One or more characters that are neither letters nor digits, in any script: what separates words. */
    private static final String NOT_A_WORD = "[^\\p{L}\\p{Nd}]+";

    @Override
    @SuppressWarnings("deprecation") // the connector still takes Kafka's OffsetResetStrategy (deprecated in Kafka 4)
    public KafkaSource<ShopEvent> source(String bootstrapServers, List<String> topics, String groupId,
                                         KafkaRecordDeserializationSchema<ShopEvent> decoder, boolean bounded) {
        KafkaSourceBuilder<ShopEvent> builder = KafkaSource.<ShopEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                // Resume where the group stopped; a partition the group never committed starts at the
                // beginning. (Without this the connector starts every partition at the earliest offset.
                // Flink commits the group's offsets when a checkpoint completes; after a failure it restores
                // its own offsets from the checkpoint, not from the group.)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(decoder);
        if (bounded) {
            // Stop at the offsets that are the latest *now*: the job reads a snapshot and finishes,
            // which flushes every operator (and every open window, in week 4).
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    @Override
    public DataStream<PurchaseLine> purchases(DataStream<ShopEvent> events) {
        return events
                .filter(e -> e.type() == EventType.PURCHASE).name("purchases only")
                .map(e -> new PurchaseLine(e.orderId(), e.userId(), e.productId(), e.quantity(),
                        e.price(), e.revenue(), e.eventTime())).name("to purchase line");
    }

    @Override
    public DataStream<SearchTerm> searchTerms(DataStream<ShopEvent> events) {
        return events
                .filter(e -> e.type() == EventType.SEARCH && e.query() != null).name("searches only")
                .flatMap((ShopEvent e, Collector<SearchTerm> out) -> {
                    // a leading separator gives one empty word first: skip empty ones
                    for (String word : e.query().toLowerCase(Locale.ROOT).split(NOT_A_WORD)) {
                        if (!word.isEmpty()) {
                            out.collect(new SearchTerm(e.userId(), word));
                        }
                    }
                })
                // the lambda's Collector<SearchTerm> is erased at compile time: name the result type
                .returns(SearchTerm.class).name("query to terms");
    }
}
