package streamworkbook.week01;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.Infra;
import streamworkbook.kit.infra.InfraUnavailable;
import streamworkbook.kit.infra.KafkaEndpoint;

/** What the week's programs share: finding Kafka, and clear messages instead of stack traces. */
final class Apps {

    private static final String MODULE = "week01-kafka";

    private Apps() {
    }

    /** Runs a picocli command (with {@code --solutions} and friendly errors, see {@link Programs}) and exits. */
    static void main(Object command, String[] args) {
        Programs.main(command, MODULE, args);
    }

    /**
     * How every week-1 program (and the week's JBang script) finds Kafka: {@code --bootstrap-servers}, else
     * {@code KAFKA_BOOTSTRAP_SERVERS} (or {@code WORKBOOK_INFRA}), else localhost:9092, which
     * {@code ./workbook up} and {@code docker compose up} provide. Used as a picocli {@code @Mixin}.
     */
    static final class KafkaServers {

        @Option(names = "--bootstrap-servers",
                description = "Kafka to use (default: KAFKA_BOOTSTRAP_SERVERS, or localhost:9092 as `./workbook up` and compose provide)")
        String bootstrapServers;

        /** The Kafka to use, checked to answer, so a program fails in seconds with advice rather than hanging. */
        KafkaEndpoint connect() {
            KafkaEndpoint kafka = bootstrapServers != null ? new KafkaEndpoint(bootstrapServers) : Infra.forPrograms().kafka();
            Admin admin = kafka.admin();
            try {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new InfraUnavailable("Kafka does not answer at " + kafka.bootstrapServers()
                        + ". Start it with `./workbook up` (or `docker compose up -d kafka`), or point "
                        + "--bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS at your broker.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraUnavailable("interrupted while connecting to Kafka", e);
            } finally {
                admin.close(Duration.ofSeconds(2));
            }
            return kafka;
        }
    }
}
