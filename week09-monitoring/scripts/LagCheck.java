///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.apache.kafka:kafka-clients:4.2.0
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-nop:2.0.17

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How far behind is each consumer group? A one-file check of consumer lag, per group, topic and partition: the
 * committed offset, the end offset, the lag in records and in seconds (how long ago the next record to read was
 * written). Read-only: it joins no group and commits nothing.
 *
 * <pre>
 * ./workbook jbang week09-monitoring/scripts/LagCheck.java                     (no JBang install needed)
 * jbang week09-monitoring/scripts/LagCheck.java --groups 'week0.*' --every 5   (again every 5 s, until Ctrl-C)
 * </pre>
 *
 * It finds Kafka as the week's apps do: {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else
 * localhost:9092. Exit status 1 when a group is more than {@code --max-seconds} behind (for scripts and cron).
 */
@Command(name = "LagCheck", mixinStandardHelpOptions = true,
        description = "Prints consumer lag per group and partition, in records and in seconds.")
public class LagCheck implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
    String bootstrapServers;
    @Option(names = "--groups", defaultValue = ".*", description = "regular expression of the groups to check (default: all)")
    String groups;
    @Option(names = "--every", description = "check again every this many seconds, until Ctrl-C")
    Integer every;
    @Option(names = "--max-seconds", defaultValue = "60", description = "exit 1 if a group is further behind than this (default: ${DEFAULT-VALUE})")
    double maxSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LagCheck()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String servers = bootstrapServers != null ? bootstrapServers
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        Properties admin = new Properties();
        admin.put("bootstrap.servers", servers);
        Properties reader = new Properties();
        reader.putAll(admin);
        reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");     // no group: nothing to commit to
        reader.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");            // only the record at the committed offset
        reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");    // a committed offset already deleted: the oldest left
        Pattern wanted = Pattern.compile(groups);
        try (Admin kafka = Admin.create(admin);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(reader, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            while (true) {
                double worst = check(kafka, consumer, wanted);
                if (every == null) {
                    return worst > maxSeconds ? 1 : 0;
                }
                Thread.sleep(every * 1000L);
            }
        }
    }

    /** Prints one table; returns the largest lag in seconds. */
    private double check(Admin kafka, KafkaConsumer<byte[], byte[]> consumer, Pattern wanted) throws Exception {
        Instant now = Instant.now();
        List<String> names = kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId).filter(g -> wanted.matcher(g).matches()).sorted().toList();
        System.out.printf("%n%s — %d consumer groups%n%-32s %-28s %12s %12s %10s %10s%n", now, names.size(),
                "group", "partition", "committed", "end", "lag", "seconds");
        double worst = 0;
        for (String group : names) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((p, o) -> { if (o != null) committed.put(p, o); });
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = kafka.listOffsets(latest).all().get();
            List<TopicPartition> partitions = new ArrayList<>(committed.keySet());
            partitions.sort((a, b) -> a.toString().compareTo(b.toString()));
            for (TopicPartition p : partitions) {
                long offset = committed.get(p).offset();
                long end = ends.get(p).offset();
                long lag = Math.max(0, end - offset);
                double seconds = lag == 0 ? 0 : (now.toEpochMilli() - timestampAt(consumer, p, offset)) / 1000.0;
                worst = Math.max(worst, seconds);
                System.out.printf("%-32s %-28s %,12d %,12d %,10d %10.1f%n", group, p, offset, end, lag, seconds);
            }
        }
        return worst;
    }

    private static long timestampAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition p, long offset) {
        consumer.assign(List.of(p));
        consumer.seek(p, offset);
        for (int i = 0; i < 50; i++) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                return records.iterator().next().timestamp();
            }
        }
        throw new IllegalStateException("no record at offset " + offset + " of " + p);
    }
}
