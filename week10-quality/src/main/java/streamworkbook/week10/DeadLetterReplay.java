package streamworkbook.week10;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopJson;

/**
 * The way back from the dead-letter topic: each dead letter a known fix repairs, and that then keeps every rule, is
 * published again to the topic it came from (same key, so the same partition and order as its user's other events),
 * with a header naming the dead letter it replaces. The others stay where they are, counted by rule.
 *
 * <p>The replay reads the dead-letter topic as a consumer group and commits when done: a second run starts after the
 * last dead letter the first one saw, so no fixed record is published twice. ({@code --from-beginning} in the app
 * resets that, for dead letters a new fix can now repair.)
 */
public final class DeadLetterReplay {

    /** The header of a replayed record: the coordinates of the source record it repairs. */
    public static final String REPLAYED_FROM = "dlq.replayed.from";

    /** A repair for one kind of dead letter (its field and rule); applied only to those. */
    public enum Fix {
        /** {@code "user_id": 42} → {@code "u-42"}: the number an old client sends instead of the id's text. */
        USER_ID_AS_TEXT("$.user_id", "type") {
            @Override
            Optional<byte[]> repair(ObjectNode event, DeadLetter letter) {
                JsonNode user = event.get("user_id");
                if (user == null || !user.canConvertToLong()) {
                    return Optional.empty();
                }
                event.put("user_id", "u-" + user.asLong());
                return Optional.of(bytes(event));
            }
        },
        /**
         * An event time that is not a time → the source record's Kafka timestamp (the producer's send time: close to
         * when it happened, for a live client — a decision a person makes knowingly, which is why it is a named fix).
         */
        TIME_FROM_KAFKA("$.event_time", "format") {
            @Override
            Optional<byte[]> repair(ObjectNode event, DeadLetter letter) {
                JsonNode time = event.get("event_time");
                if (time != null && time.isTextual() && parses(time.asText())) {
                    return Optional.empty();
                }
                event.put("event_time", Instant.ofEpochMilli(letter.timestamp()).toString());
                return Optional.of(bytes(event));
            }
        };

        private final String field;
        private final String rule;

        Fix(String field, String rule) {
            this.field = field;
            this.rule = rule;
        }

        /** The repaired record, when this fix applies to the dead letter and can repair it. */
        public Optional<byte[]> apply(DeadLetter letter) {
            if (!field.equals(letter.field()) || !rule.equals(letter.rule()) || letter.value() == null) {
                return Optional.empty();
            }
            try {
                JsonNode node = ShopJson.mapper().readTree(letter.value());
                return node instanceof ObjectNode event ? repair(event, letter) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        abstract Optional<byte[]> repair(ObjectNode event, DeadLetter letter);

        /** {@code user-id-as-text}, as the app's {@code --fix} names it. */
        public String optionName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        private static byte[] bytes(ObjectNode event) {
            try {
                return ShopJson.mapper().writeValueAsBytes(event);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean parses(String time) {
            try {
                Instant.parse(time);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    /**
     * What a replay did.
     *
     * @param read        dead letters read
     * @param replayed    of those, repaired and published again (in a dry run: that would have been)
     * @param keptByRule  the others, by the rule they break (a repaired record that still breaks a rule is kept too)
     */
    public record Result(long read, long replayed, Map<String, Long> keptByRule) {
    }

    private DeadLetterReplay() {
    }

    /**
     * Reads the dead letters of {@code deadLetterTopic} that group {@code group} has not seen yet (up to the end offsets
     * at the start), repairs what {@code fixes} can, publishes each repaired record that keeps {@code rules} to its
     * source topic, and commits. A dry run publishes and commits nothing.
     */
    public static Result replay(KafkaEndpoint kafka, String deadLetterTopic, String group, List<Fix> fixes, RecordRules rules,
                                boolean dryRun) throws InterruptedException, ExecutionException {
        Map<String, Object> consumerConfig = kafka.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");  // a new group starts at the first dead letter
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);      // committed once every replayed record is acknowledged
        Map<String, Object> producerConfig = kafka.clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");                     // a replayed record must not be lost
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);        // nor written twice by a retry
        long read = 0;
        long replayed = 0;
        Map<String, Long> kept = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(deadLetterTopic, p.partition())));
            consumer.assign(partitions); // the group is used for its committed offsets only: no rebalancing wanted
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    read++;
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    DeadLetter letter = DeadLetters.fromRecord(record);
                    Optional<byte[]> repaired = repair(letter, fixes);
                    if (repaired.isEmpty() || !rules.check(repaired.get()).isEmpty()) {
                        kept.merge(letter.rule(), 1L, Long::sum);
                        continue;
                    }
                    replayed++;
                    if (!dryRun) {
                        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(letter.topic(), letter.key(), repaired.get());
                        again.headers().add(new RecordHeader(REPLAYED_FROM, letter.coordinates().getBytes(StandardCharsets.UTF_8)));
                        sends.add(producer.send(again));
                    }
                }
            }
            if (!dryRun) {
                producer.flush();
                for (java.util.concurrent.Future<?> send : sends) {
                    send.get(); // throws if Kafka refused one: then nothing is committed and the next run tries again
                }
                consumer.commitSync(done);
            }
        }
        return new Result(read, replayed, kept);
    }

    /** Every fix that applies, one after the other; empty when none did. */
    private static Optional<byte[]> repair(DeadLetter letter, List<Fix> fixes) {
        DeadLetter current = letter;
        boolean changed = false;
        for (Fix fix : fixes) {
            Optional<byte[]> repaired = fix.apply(current);
            if (repaired.isPresent()) {
                changed = true;
                current = new DeadLetter(current.topic(), current.partition(), current.offset(), current.timestamp(),
                        current.key(), repaired.get(), current.field(), current.rule(), current.reason(), current.failedAt());
            }
        }
        return changed ? Optional.of(current.value()) : Optional.empty();
    }
}
