package streamworkbook.kit.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * A real Kafka broker in its own JVM, for tests that kill it ({@code kill -9}) and restart it on the
 * same port and data, as a broker crash would happen in production.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final int port;
    private final ServiceProcess process;

    private KafkaBrokerProcess(int port, ServiceProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KafkaBrokerProcess start(Path dataDir) {
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        ServiceProcess process = ServiceProcess.java("Kafka broker", LocalServiceMain.class.getName(),
                List.of("kafka", "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                        "--dir", dataDir.toString()),
                dataDir.resolve("broker.log"), port, "-Xmx512m");
        return new KafkaBrokerProcess(port, process.start(Duration.ofSeconds(90)));
    }

    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint("127.0.0.1:" + port);
    }

    public void kill() {
        process.kill();
    }

    public void restart() {
        process.start(Duration.ofSeconds(90));
    }

    @Override
    public void close() {
        process.stop();
    }
}
