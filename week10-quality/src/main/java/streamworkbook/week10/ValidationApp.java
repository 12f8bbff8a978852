package streamworkbook.week10;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.flink.FlinkJobs;
import streamworkbook.kit.infra.ClickHouseEndpoint;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.shop.ShopEvent;
import streamworkbook.week06.ShopPipeline;

/**
 * Week 6's pipeline with this week's validation in front: the generator's topics → Flink (exercise 10.1) → valid
 * events into ClickHouse, refused records into the dead-letter topic. Prints source, dead letters and events every
 * few seconds; with {@code --bounded} it stops at the records there are now.
 *
 * <pre>
 * ./workbook up
 * ./workbook run week07 GeneratorApp --seed-catalogue --rate 2000 --duration 1m --invalid 0.01 --duplicates 0.01 --solutions
 * ./workbook run week10 ValidationApp --bounded             # your 10.1 (add --solutions for the reference)
 * </pre>
 */
@Command(name = "ValidationApp", mixinStandardHelpOptions = true,
        description = "Kafka → Flink (validation, dead letters) → ClickHouse, with the Flink UI on http://localhost:8081.")
public class ValidationApp implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--bounded", description = "stop at the end offsets there are at the start (default: run until Ctrl-C)")
    boolean bounded;

    @Option(names = "--parallelism", defaultValue = "2", description = "the job's parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--ui-port", defaultValue = "8081", description = "port of the Flink web UI (default: ${DEFAULT-VALUE})")
    int uiPort;

    public static void main(String[] args) {
        // see week 6's PipelineApp: a harmless warning at every checkpoint in Flink 2.2 (FLINK-35321)
        Configurator.setLevel("org.apache.flink.metrics.MetricGroup", Level.ERROR);
        Programs.main(new ValidationApp(), "week10-quality", args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaEndpoint kafka = endpoints.kafka();
        ClickHouseEndpoint clickhouse = endpoints.clickhouse();
        RecordRules rules = ContractRules.load(endpoints.catalogue());
        Validation validation = Exercises.pick(streamworkbook.week10.exercises.ShopRecordValidation::new,
                streamworkbook.week10.solutions.ShopRecordValidation::new);
        kafka.createTopicsIfMissing(endpoints.sourceTopics(), 3);
        kafka.createTopicsIfMissing(List.of(endpoints.deadLetterTopic()), 3);

        StreamExecutionEnvironment env = FlinkJobs.programEnvironment(parallelism, uiPort);
        // week 6's checkpoints and restarts: the sinks flush at every checkpoint, a failed job comes back
        var resilience = new streamworkbook.week06.solutions.CheckpointedRetries();
        resilience.configure(env, Duration.ofSeconds(10));
        DataStream<ShopEvent> events = ValidationStage.attach(env,
                RawRecords.source(kafka.bootstrapServers(), "week10-validation", bounded, endpoints.sourceTopics().toArray(String[]::new)),
                validation, rules, kafka.bootstrapServers(), endpoints.deadLetterTopic());
        ShopPipeline.writeTo(events, clickhouse, new streamworkbook.week06.solutions.JdbcClickHouseWriter(), null, resilience.sinkSettings());

        System.out.printf("Flink UI on http://localhost:%d — %s → ClickHouse %s, database %s; dead letters to %s%s%n", uiPort,
                endpoints.prefix + "shop-*", clickhouse.httpUrl(),
                endpoints.database, endpoints.deadLetterTopic(), bounded ? "" : "; Ctrl+C to stop");
        JobClient job = env.executeAsync("week 10 — validation and dead letters");
        Thread reporter = new Thread(() -> report(kafka, clickhouse), "report");
        reporter.setDaemon(true);
        reporter.start();
        job.getJobExecutionResult().get();
        printCounts(kafka, clickhouse);
        return 0;
    }

    private void report(KafkaEndpoint kafka, ClickHouseEndpoint clickhouse) {
        while (true) {
            try {
                Thread.sleep(5_000);
                printCounts(kafka, clickhouse);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Records in the source topics and in the dead-letter topic (end offsets), and distinct events in ClickHouse. */
    private void printCounts(KafkaEndpoint kafka, ClickHouseEndpoint clickhouse) {
        try (Connection c = clickhouse.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(), uniqExact(event_id) FROM events")) {
            rs.next();
            System.out.printf("source %,d records · dead letters %,d · ClickHouse %,d rows, %,d distinct events%n",
                    TopicRecords.count(kafka, endpoints.sourceTopics()), TopicRecords.count(kafka, List.of(endpoints.deadLetterTopic())),
                    rs.getLong(1), rs.getLong(2));
        } catch (SQLException | RuntimeException e) {
            System.out.println("counts not available: " + e.getMessage());
        }
    }
}
