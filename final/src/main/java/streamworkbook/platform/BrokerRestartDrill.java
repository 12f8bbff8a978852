package streamworkbook.platform;

import java.io.PrintStream;
import java.time.Duration;
import streamworkbook.kit.infra.local.KafkaBrokerProcess;

/**
 * The single Kafka broker killed ({@code kill -9}) and restarted on the same port and data. The generator's
 * producer holds its records (idempotent, acks=all, a 2-minute delivery timeout) and sends them when the broker is
 * back; the job's source reconnects and reads on from its position. Nothing acknowledged is lost, nothing doubled.
 */
final class BrokerRestartDrill implements Drill {

    private final KafkaBrokerProcess broker;
    private final Duration outage;

    BrokerRestartDrill(KafkaBrokerProcess broker, Duration outage) {
        this.broker = broker;
        this.outage = outage;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String story() {
        return "kill -9 the Kafka broker, restart it " + outage.toSeconds() + " s later: the producer waits, the job reconnects, nothing is lost";
    }

    @Override
    public void inject(PrintStream out) {
        broker.kill();
        out.println("  Kafka broker killed (kill -9)");
    }

    @Override
    public Duration outage() {
        return outage;
    }

    @Override
    public void heal(PrintStream out) {
        long started = System.nanoTime();
        broker.restart();
        out.printf("  Kafka broker restarted on the same port and data in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
