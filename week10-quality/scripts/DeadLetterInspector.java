///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.apache.kafka:kafka-clients:4.2.0
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-nop:2.0.17

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads the dead-letter topic of week 10 and shows each dead letter: where it came from, why it was refused, and its
 * bytes as they were sent (text when they are UTF-8, hex when they are not); at the end, the dead letters by rule.
 *
 * <pre>
 * ./workbook jbang week10-quality/scripts/DeadLetterInspector.java                    (no JBang install needed)
 * jbang week10-quality/scripts/DeadLetterInspector.java --rule catalogue --max 20
 * jbang week10-quality/scripts/DeadLetterInspector.java --summary --topic my-prefix-shop-dead-letters
 * </pre>
 *
 * It finds Kafka as the week's apps do: {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else
 * localhost:9092. It reads from the first dead letter to the last one there is when it starts, joins no consumer group
 * and commits nothing. The headers are those of {@code streamworkbook.week10.DeadLetters} ({@code dlq.*}).
 */
@Command(name = "DeadLetterInspector", mixinStandardHelpOptions = true,
        description = "Shows the dead letters: source record, field, rule, reason and the original bytes.")
public class DeadLetterInspector implements Callable<Integer> {

    @Option(names = "--topic", defaultValue = "shop-dead-letters", description = "the dead-letter topic (default: ${DEFAULT-VALUE})")
    String topic;
    @Option(names = "--bootstrap-servers", description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
    String bootstrapServers;
    @Option(names = "--rule", description = "only dead letters breaking this rule (required, type, format, json, catalogue, exception, …)")
    String rule;
    @Option(names = "--max", defaultValue = "0", description = "show at most this many (default: all)")
    long max;
    @Option(names = "--summary", description = "only the count by rule and by source topic")
    boolean summary;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeadLetterInspector()).execute(args));
    }

    @Override
    public Integer call() {
        Properties config = new Properties();
        String servers = bootstrapServers != null ? bootstrapServers
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // looking must not create the topic
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byTopic = new TreeMap<>();
        long shown = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                System.err.println("no topic " + topic + " on " + servers + " (no dead letters yet, or another --topic?)");
                return 1;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    String letterRule = header(r, "dlq.error.rule");
                    byRule.merge(letterRule, 1L, Long::sum);
                    byTopic.merge(header(r, "dlq.source.topic"), 1L, Long::sum);
                    if (summary || (rule != null && !rule.equals(letterRule)) || (max > 0 && shown >= max)) {
                        continue;
                    }
                    shown++;
                    print(r);
                }
            }
        }
        System.out.printf("%n%,d dead letters by rule: %s%n", byRule.values().stream().mapToLong(Long::longValue).sum(), byRule);
        System.out.printf("by source topic: %s%n", byTopic);
        return 0;
    }

    private static void print(ConsumerRecord<byte[], byte[]> r) {
        String from = header(r, "dlq.source.topic") + "/" + header(r, "dlq.source.partition") + "/" + header(r, "dlq.source.offset");
        String sentAt = millis(header(r, "dlq.source.timestamp"));
        System.out.printf("── %s (sent %s, refused %s)%n", from, sentAt, millis(header(r, "dlq.failed.at")));
        System.out.printf("   %s · %s · %s%n", header(r, "dlq.error.field"), header(r, "dlq.error.rule"), header(r, "dlq.error.reason"));
        System.out.printf("   key   %s%n", show(r.key()));
        System.out.printf("   value %s%n", show(r.value()));
    }

    /** Text when the bytes are valid UTF-8 (control characters escaped), else hex: the bytes exactly as they came. */
    private static String show(byte[] bytes) {
        if (bytes == null) {
            return "(null)";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                    + "  (" + bytes.length + " bytes)";
        } catch (CharacterCodingException e) {
            StringBuilder hex = new StringBuilder("0x");
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            return hex + "  (" + bytes.length + " bytes, not UTF-8)";
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String millis(String text) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(text)).toString();
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
