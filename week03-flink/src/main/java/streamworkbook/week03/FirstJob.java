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
     * A {@code KafkaSource} of shop events from every partition of the given topics, turned into events by
     * {@code decoder}, reading as the consumer group {@code groupId}:
     * <ul>
     *   <li>in a partition where the group has committed an offset, reading starts at that offset — a new job of
     *       the group resumes where the group stopped;</li>
     *   <li>in a partition where the group has no committed offset, reading starts at the partition's earliest
     *       offset;</li>
     *   <li>{@code bounded = true}: the source is bounded ({@code Boundedness.BOUNDED}) and stops at the offsets
     *       that are the latest when the job starts, so the job reads what is there and finishes;
     *       {@code bounded = false}: it is unbounded ({@code Boundedness.CONTINUOUS_UNBOUNDED}) and waits for new
     *       records forever.</li>
     * </ul>
     * The order of records from different partitions is not fixed.
     */
    KafkaSource<ShopEvent> source(String bootstrapServers, List<String> topics, String groupId,
                                  KafkaRecordDeserializationSchema<ShopEvent> decoder, boolean bounded);

    /**
     * Keeps only {@code PURCHASE} events and turns each into one {@link PurchaseLine}: its order, user, product,
     * quantity, unit price ({@code price}), {@code total = unit price × quantity} ({@code ShopEvent.revenue()})
     * and event time. Every other event type gives nothing.
     */
    DataStream<PurchaseLine> purchases(DataStream<ShopEvent> events);

    /**
     * Keeps only {@code SEARCH} events and emits one {@link SearchTerm} (the event's user, the word) per word of
     * the query, in the order the words appear in the query, repeated words as often as they appear.
     * A word is a maximal run of letters and digits ({@link Character#isLetterOrDigit(int)}, so {@code é} and
     * {@code 2} are word characters); every other character separates words. Words are lower case
     * ({@code toLowerCase(Locale.ROOT)}). {@code "USB-C  cable, 2m"} gives {@code usb}, {@code c}, {@code cable},
     * {@code 2m}; a blank query, or a search without a query, gives nothing.
     */
    DataStream<SearchTerm> searchTerms(DataStream<ShopEvent> events);

    /** The shop's six event topics, {@code shop-page-view} … {@code shop-review}. */
    static List<String> shopTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }
}
