package streamworkbook.week10;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter topic and its record format, after Kafka Connect's dead-letter queue: the record's key and value
 * are the refused record's own bytes, unchanged, and the context travels in headers (Connect names them
 * {@code __connect.errors.topic}, {@code …partition}, {@code …offset}, {@code …exception.message}, … when
 * {@code errors.deadletterqueue.context.headers.enable=true}). So any tool that reads the source topic can read the
 * dead-letter topic, kcat shows the context with {@code -f '%h'}, and a replay re-publishes the value as it is.
 *
 * <table>
 *   <tr><th>header</th><th>value (UTF-8 text)</th><th>Connect's counterpart</th></tr>
 *   <tr><td>{@value #SOURCE_TOPIC}</td><td>the source record's topic</td><td>__connect.errors.topic</td></tr>
 *   <tr><td>{@value #SOURCE_PARTITION}</td><td>its partition</td><td>__connect.errors.partition</td></tr>
 *   <tr><td>{@value #SOURCE_OFFSET}</td><td>its offset</td><td>__connect.errors.offset</td></tr>
 *   <tr><td>{@value #SOURCE_TIMESTAMP}</td><td>its Kafka timestamp, ms</td><td>—</td></tr>
 *   <tr><td>{@value #FIELD}</td><td>the field at fault</td><td>—</td></tr>
 *   <tr><td>{@value #RULE}</td><td>the rule it breaks</td><td>__connect.errors.exception.class.name (roughly)</td></tr>
 *   <tr><td>{@value #REASON}</td><td>what is wrong</td><td>__connect.errors.exception.message</td></tr>
 *   <tr><td>{@value #FAILED_AT}</td><td>when it was refused, ms</td><td>— (the record's own timestamp is that too)</td></tr>
 * </table>
 */
public final class DeadLetters {

    /** The dead-letter topic's name, after the topic prefix. */
    public static final String TOPIC = "shop-dead-letters";

    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String SOURCE_TIMESTAMP = "dlq.source.timestamp";
    public static final String FIELD = "dlq.error.field";
    public static final String RULE = "dlq.error.rule";
    public static final String REASON = "dlq.error.reason";
    public static final String FAILED_AT = "dlq.failed.at";

    private DeadLetters() {
    }

    /** The Kafka record of a dead letter: key and value as they were, the context in headers, timestamped when it failed. */
    public static ProducerRecord<byte[], byte[]> toRecord(String topic, DeadLetter letter) {
        Headers headers = new RecordHeaders();
        add(headers, SOURCE_TOPIC, letter.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(letter.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(letter.offset()));
        add(headers, SOURCE_TIMESTAMP, Long.toString(letter.timestamp()));
        add(headers, FIELD, letter.field());
        add(headers, RULE, letter.rule());
        add(headers, REASON, letter.reason());
        add(headers, FAILED_AT, Long.toString(letter.failedAt()));
        // partition null: the key chooses it, as it did in the source topic
        return new ProducerRecord<>(topic, null, letter.failedAt(), letter.key(), letter.value(), headers);
    }

    /** The dead letter a record of the dead-letter topic carries. */
    public static DeadLetter fromRecord(ConsumerRecord<byte[], byte[]> record) {
        Headers h = record.headers();
        return new DeadLetter(text(h, SOURCE_TOPIC), Integer.parseInt(text(h, SOURCE_PARTITION)),
                Long.parseLong(text(h, SOURCE_OFFSET)), Long.parseLong(text(h, SOURCE_TIMESTAMP)),
                record.key(), record.value(), text(h, FIELD), text(h, RULE), text(h, REASON),
                Long.parseLong(text(h, FAILED_AT)));
    }

    /** A Flink sink of dead letters into {@code topic}, at least once: a dead letter is never lost, after a failure it may come twice. */
    public static KafkaSink<DeadLetter> sink(String bootstrapServers, String topic) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new Serializer(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Every header of the dead-letter format, in order: for printing a dead letter. */
    public static List<String> headerNames() {
        return List.of(SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET, SOURCE_TIMESTAMP, FIELD, RULE, REASON, FAILED_AT);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("not a dead letter: it has no header " + name);
        }
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private record Serializer(String topic) implements KafkaRecordSerializationSchema<DeadLetter> {
        @Override
        public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
            return toRecord(topic, letter);
        }
    }
}
