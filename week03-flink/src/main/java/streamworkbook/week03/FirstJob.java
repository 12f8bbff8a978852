package streamworkbook.week03;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import streamworkbook.kit.shop.EventType;
import streamworkbook.kit.shop.ShopEvent;

/** Exercise 3.2 — a first job: a Kafka source, then filter, map and flatMap. */
public interface FirstJob {

    /**
     * A {@code KafkaSource} that reads the given topics from their <em>earliest</em> offsets, in the consumer
     * group {@code groupId}, turning records into events with {@code decoder}.
     * When {@code bounded} is true the source stops at the offsets that are the latest when the job starts
     * ({@code OffsetsInitializer.latest()}), so the job reads what is there and then finishes; otherwise it
     * runs forever, waiting for new records.
     */
    KafkaSource<ShopEvent> source(String bootstrapServers, List<String> topics, String groupId,
                                  KafkaRecordDeserializationSchema<ShopEvent> decoder, boolean bounded);

    /**
     * Keeps only {@code PURCHASE} events and maps each to a {@link PurchaseLine}: order, user, product,
     * quantity, unit price, {@code total = unit price × quantity} ({@code ShopEvent.revenue()}) and event time.
     */
    DataStream<PurchaseLine> purchases(DataStream<ShopEvent> events);

    /**
     * Keeps only {@code SEARCH} events and emits one {@link SearchTerm} per word of the query: the query
     * lower-cased ({@code Locale.ROOT}) and split on every run of characters that are not letters or digits
     * ({@code "\\P{Alnum}+"} after lower-casing), empty words dropped, in the order they appear.
     * {@code "USB-C cable"} gives {@code usb}, {@code c}, {@code cable}; a blank query gives nothing.
     */
    DataStream<SearchTerm> searchTerms(DataStream<ShopEvent> events);

    /** The shop's six event topics, {@code shop-page-view} … {@code shop-review}. */
    static List<String> shopTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }
}
