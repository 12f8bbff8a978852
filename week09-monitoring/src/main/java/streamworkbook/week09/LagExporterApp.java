package streamworkbook.week09;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Exercises;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * The consumer-lag exporter on its own (exercise 9.2 behind it): per group, topic and partition, the committed
 * offset, the lag in records and in seconds, for Prometheus to scrape.
 *
 * <pre>
 * ./workbook run week09 LagExporterApp --solutions                   # every group, on :9308
 * ./workbook run week09 LagExporterApp --groups 'week0[69].*'
 * curl -s localhost:9308/metrics | grep kafka_consumergroup
 * </pre>
 */
@Command(name = "LagExporterApp", mixinStandardHelpOptions = true,
        description = "Serves Kafka consumer lag (records and seconds) as Prometheus metrics.")
public final class LagExporterApp implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9308", description = "HTTP port of /metrics (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--groups", defaultValue = ".*", description = "regular expression of the consumer groups to report (default: ${DEFAULT-VALUE})")
    String groups;

    public static void main(String[] args) {
        Programs.main(new LagExporterApp(), "week09-monitoring", args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaEndpoint kafka = Infra.forPrograms().kafka().requireReachable();
        ConsumerLag lag = Exercises.pick(streamworkbook.week09.exercises.CommittedOffsetLag::new,
                streamworkbook.week09.solutions.CommittedOffsetLag::new);
        try (LagExporter exporter = new LagExporter(kafka, lag, Pattern.compile(groups), Clock.systemUTC())) {
            // one sample before serving: a pending exercise or an unreachable broker shows here, not at the first scrape
            int partitions = exporter.sample().size();
            try (HTTPServer server = exporter.serve(port)) {
                System.out.printf("consumer lag of groups matching %s on %s: http://localhost:%d/metrics (%d partitions now); Ctrl+C to stop%n",
                        groups, kafka.bootstrapServers(), server.getPort(), partitions);
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "stop"));
                stop.await();
            }
        }
        return 0;
    }
}
