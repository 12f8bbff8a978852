package streamworkbook.week09;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import streamworkbook.kit.infra.KafkaEndpoint;
import streamworkbook.kit.infra.local.FreePorts;
import streamworkbook.kit.infra.local.LocalServiceMain;
import streamworkbook.kit.infra.local.ServiceProcess;

/**
 * A real Kafka broker in its own JVM with the Prometheus JMX exporter attached as a Java agent, as
 * {@code ./workbook up} (and compose) run it: {@code -javaagent:jmx_prometheus_javaagent.jar=PORT:broker-jmx.yaml}.
 * One per test JVM, started on first use, stopped when the JVM exits.
 */
final class ExporterBroker {

    /** Where Maven copies the agent (week09-monitoring/pom.xml, execution jmx-agent). */
    static final Path AGENT = RuleFiles.MODULE.resolve("target/jmx/jmx_prometheus_javaagent.jar");
    static final Path RULES = RuleFiles.MODULE.resolve("monitoring/kafka/broker-jmx.yaml");

    private static ExporterBroker shared;

    private final KafkaEndpoint endpoint;
    private final int exporterPort;

    private ExporterBroker(KafkaEndpoint endpoint, int exporterPort) {
        this.endpoint = endpoint;
        this.exporterPort = exporterPort;
    }

    static synchronized ExporterBroker shared() {
        if (shared == null) {
            if (!Files.isRegularFile(AGENT)) {
                throw new IllegalStateException("no JMX exporter agent at " + AGENT + ": Maven copies it there in the "
                        + "generate-resources phase (mvn -pl week09-monitoring -am verify does)");
            }
            try {
                Path dir = Files.createTempDirectory("w9-broker");
                int port = FreePorts.pick();
                int controllerPort = FreePorts.pick();
                int exporterPort = FreePorts.pick();
                ServiceProcess broker = ServiceProcess.java("Kafka broker with the JMX exporter", LocalServiceMain.class.getName(),
                        List.of("kafka", "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                                "--dir", dir.resolve("data").toString()),
                        dir.resolve("broker.log"), port,
                        "-Xmx512m", "-javaagent:" + AGENT + "=" + exporterPort + ":" + RULES);
                broker.start(Duration.ofSeconds(90));
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-exporter-broker"));
                shared = new ExporterBroker(new KafkaEndpoint("127.0.0.1:" + port), exporterPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    KafkaEndpoint kafka() {
        return endpoint;
    }

    int exporterPort() {
        return exporterPort;
    }

    URI metrics() {
        return URI.create("http://localhost:" + exporterPort + "/metrics");
    }
}
