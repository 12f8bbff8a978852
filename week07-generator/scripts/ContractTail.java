///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.apache.kafka:kafka-clients:4.2.0
//DEPS com.networknt:json-schema-validator:2.0.8
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-nop:2.0.17

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tails shop topics and checks every record against its data contract, as it arrives: {@code ✔} or {@code ✘}
 * with what is wrong, and a tally when you stop it (Ctrl-C) or it reaches {@code --max}.
 *
 * <pre>
 * ./workbook jbang week07-generator/scripts/ContractTail.java shop-purchase             (no JBang install needed)
 * jbang week07-generator/scripts/ContractTail.java shop-purchase shop-review --from-beginning --max 1000 --quiet
 * </pre>
 *
 * It finds Kafka as the week's apps do: {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else
 * localhost:9092. The contracts are the JSON Schema files of week 7 ({@code --contracts}, by default
 * {@code week07-generator/src/main/resources/contracts} from the repository root). It joins no consumer group and
 * commits nothing.
 */
@Command(name = "ContractTail", mixinStandardHelpOptions = true,
        description = "Prints the records of shop topics with their contract check: ✔, or ✘ and each violation.")
public class ContractTail implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "topics, e.g. shop-purchase")
    List<String> topics;
    @Option(names = "--bootstrap-servers", description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
    String bootstrapServers;
    @Option(names = "--contracts", defaultValue = "week07-generator/src/main/resources/contracts",
            description = "directory of <type>.schema.json files (default: ${DEFAULT-VALUE})")
    Path contracts;
    @Option(names = "--from-beginning", description = "start at the oldest record (default: only new ones)")
    boolean fromBeginning;
    @Option(names = "--max", defaultValue = "0", description = "stop after this many records (default: never)")
    long max;
    @Option(names = "--quiet", description = "print only the records that break their contract")
    boolean quiet;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Schema> byType = new HashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ContractTail()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        loadContracts();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers != null ? bootstrapServers
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        long seen = 0;
        long broken = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            try {
                while (max == 0 || seen < max) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        List<String> problems = check(r.value());
                        seen++;
                        if (!problems.isEmpty()) {
                            broken++;
                        }
                        if (!quiet || !problems.isEmpty()) {
                            System.out.printf("%s %s-%d@%d key=%s %s%n", problems.isEmpty() ? "✔" : "✘", r.topic(), r.partition(),
                                    r.offset(), r.key(), new String(r.value(), StandardCharsets.UTF_8));
                            problems.forEach(p -> System.out.println("    " + p));
                        }
                        if (max > 0 && seen >= max) {
                            break;
                        }
                    }
                }
            } catch (WakeupException stopping) {
                // Ctrl-C
            }
        }
        System.out.printf("%,d records, %,d break their contract%n", seen, broken);
        return 0;
    }

    private void loadContracts() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build()));
        try (var files = Files.list(contracts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    byType.put(file.getFileName().toString().replace(".schema.json", ""), registry.getSchema(in));
                }
            }
        }
        if (byType.isEmpty()) {
            throw new IOException("no *.schema.json in " + contracts.toAbsolutePath() + ": run from the repository root or pass --contracts");
        }
    }

    /** The problems of one record, each as "field (rule): message". */
    private List<String> check(byte[] value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (IOException e) {
            return List.of("$ (json): not JSON");
        }
        Schema schema = node != null && node.has("type") ? byType.get(node.get("type").asText()) : null;
        if (schema == null) {
            return List.of("$.type: missing or not an event type");
        }
        return schema.validate(node).stream().map(ContractTail::describe).toList();
    }

    private static String describe(Error e) {
        String where = e.getInstanceLocation() + (e.getProperty() != null ? " ['" + e.getProperty() + "']" : "");
        return where + " (" + e.getKeyword() + "): " + e.getMessage();
    }
}
